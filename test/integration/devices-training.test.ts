// Training mode end to end through the host: the virtual ID-card reader and scanner on socat pty
// pairs (in-process lines when socat is missing), the device manager, the drivers, and the
// contract methods and events a window uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '@src/contract/events';
import type { Medium } from '@src/contract/methods/devices';
import { findSocat } from '@native/transport/pty-pair';
import { waitUntil } from '@native/transport/wait-until';
import { wedgeScanEvents } from '@native/virtual/virtual-scanner';
import { hubEcResolver } from '@src/devices/ec-resolver';
import { startTestHost, type TestHost } from '../helpers/test-host';

if (!findSocat()) console.warn('devices-training: socat is not installed, so the training devices run on in-process lines (the serial stack is not exercised here)');

describe('training devices through the host', () => {
  let host: TestHost;
  const received: { event: EventName; payload: unknown }[] = [];
  const media = (): Medium[] => received.filter((r) => r.event === 'devices.medium').map((r) => r.payload as Medium);

  beforeAll(async () => {
    host = await startTestHost({ mode: 'training' });
    await host.signIn('w1', 'sy01');
    host.attachClient('w1', (event, payload) => received.push({ event, payload }));
    host.services.devices.setEcResolver({
      async resolveEVoucher(input) {
        expect(input.businessType).toBe('01301');
        expect(input.operatorId).toBe('sy01');
        return { ecToken: `TOKEN-${input.payload.slice(-5)}`, idNumber: '510101195506070036', idType: '01', name: '王芳', insuredArea: '510100' };
      },
    });
    await waitUntil(() => host.services.devices.list().filter((d) => d.id.startsWith('training-') && d.state === 'connected').length === 3, { timeoutMs: 10_000, what: 'training devices connected' }); // issue 5: + training-sscard
  });

  afterAll(async () => {
    await host?.close();
  });

  it('lists the training reader and scanner as connected, and reports them to the status bar', async () => {
    const r = await host.callAs('w1', 'devices.list');
    expect(r.ok).toBe(true);
    const value = (r as { value: { devices: { id: string; state: string }[]; training: boolean } }).value;
    expect(value.training).toBe(true);
    expect(value.devices.map((d) => `${d.id}:${d.state}`)).toEqual(expect.arrayContaining(['training-idcard:connected', 'training-scanner:connected', 'keyboard-wedge:connected']));
    const status = host.services.status.get();
    expect(status.devices.map((d) => d.id).sort()).toEqual(['training-idcard', 'training-scanner', 'training-sscard']); // issue 5: + the training 社保卡 reader
  });

  it('placing a training patient\'s ID card yields an idCard medium ready for 1101 (type 02)', async () => {
    const r = await host.callAs('w1', 'devices.placeTrainingCard', { idNumber: '510101195506070036' });
    expect(r.ok).toBe(true);
    await waitUntil(() => media().some((m) => m.kind === 'idCard'), { what: 'idCard medium' });
    const m = media().find((x) => x.kind === 'idCard')!;
    expect(m).toMatchObject({ kind: 'idCard', deviceId: 'training-idcard', mdtrtCertType: '02', mdtrtCertNo: '510101195506070036', idCard: { name: '王芳', validTo: '长期', birthDate: '1955-06-07' } });
    const list = host.services.devices.list().find((d) => d.id === 'training-idcard');
    expect(list?.lastRead?.summary).toBe('身份证 王* 510101********0036');
    expect(await host.callAs('w1', 'devices.removeTrainingCard', {})).toEqual({ ok: true, value: { ok: true } });
  });

  it("showing a patient's e-voucher resolves it through ec.query into an eVoucher medium (type 01)", async () => {
    await host.callAs('w1', 'devices.showTrainingCode', { idNumber: '510101195506070036' });
    await waitUntil(() => media().some((m) => m.kind === 'eVoucher'), { what: 'eVoucher medium' });
    expect(media().find((m) => m.kind === 'eVoucher')).toMatchObject({ deviceId: 'training-scanner', mdtrtCertType: '01', mdtrtCertNo: 'TOKEN-00003', identity: { name: '王芳', insuredArea: '510100' } });
  });

  it("the embedded training hub resolves a training patient's e-voucher through the hub client's ec.query", async () => {
    host.services.devices.setEcResolver(hubEcResolver(host.services.hub, () => host.services.config.get().institution));
    const before = media().length;
    await host.callAs('w1', 'devices.showTrainingCode', { idNumber: '340101198809210026' });
    await waitUntil(() => media().length > before || received.some((r) => r.event === 'devices.readError'), { what: 'ec.query outcome' });
    const errors = received.filter((r) => r.event === 'devices.readError');
    expect(errors).toEqual([]);
    expect(media().at(-1)).toMatchObject({ kind: 'eVoucher', mdtrtCertType: '01', identity: { idNumber: '340101198809210026', name: '李娜', insuredArea: '340100' } });
  });

  it('a drug barcode goes to the pharmacy as a drugBarcode medium', async () => {
    await host.callAs('w1', 'devices.showTrainingCode', { code: '(01)06901234567892(17)271231(10)B20261123(21)000001' });
    await waitUntil(() => media().some((m) => m.kind === 'drugBarcode'), { what: 'drugBarcode medium' });
    expect(media().find((m) => m.kind === 'drugBarcode')).toMatchObject({ symbology: 'gs1', gtin: '06901234567892', expiry: '2027-12-31', batch: 'B20261123' });
  });

  it('keyboard-wedge input: a scan is handled by the host, typing is left alone', async () => {
    const before = media().length;
    const scan = await host.callAs('w1', 'devices.wedgeInput', { events: wedgeScanEvents('6934567890122', { start: 1000 }) });
    expect(scan).toEqual({ ok: true, value: { results: [{ kind: 'scan', length: 13 }] } });
    const typed = await host.callAs('w1', 'devices.wedgeInput', { events: [{ key: '1', t: 5000 }, { key: '2', t: 5150 }, { key: 'Enter', t: 5400 }], flush: true });
    expect(typed).toEqual({ ok: true, value: { results: [{ kind: 'typing', length: 1 }, { kind: 'typing', length: 1 }] } });
    await waitUntil(() => media().length > before);
    expect(media().at(-1)).toMatchObject({ kind: 'drugBarcode', deviceId: 'keyboard-wedge', code: '6934567890122' });
  });

  it('an unknown code is a read error with a hint, not a medium', async () => {
    await host.callAs('w1', 'devices.showTrainingCode', { code: '6901234567891' });
    await waitUntil(() => received.some((r) => r.event === 'devices.readError'));
    expect(received.find((r) => r.event === 'devices.readError')?.payload).toMatchObject({ code: 'SCAN_UNRECOGNISED', message: '条码校验位错误' });
  });

  it('training helpers refuse unknown patients and a missing 社保卡 slot clearly', async () => {
    const r = await host.callAs('w1', 'devices.placeTrainingCard', { idNumber: '110105199307260072' });
    expect(r).toMatchObject({ ok: false, error: { code: 'TRAINING_PATIENT_UNKNOWN' } });
    const patients = await host.callAs('w1', 'devices.trainingPatients');
    expect(patients).toMatchObject({ ok: true, value: { patients: expect.arrayContaining([expect.objectContaining({ name: '张伟', media: expect.arrayContaining(['idCard', 'eVoucher']) })]) } });
  });
});

describe('live mode', () => {
  it('refuses the training helpers with a clear message', async () => {
    const host = await startTestHost({ mode: 'live' });
    try {
      await host.services.accounts.create({ username: 'it99', displayName: '测试管理员', role: 'it_admin', password: 'password99' }, 'test');
      await host.signIn('w', 'it99', 'password99');
      expect(host.services.trainingDevices).toBeUndefined();
      const r = await host.callAs('w', 'devices.placeTrainingCard', { idNumber: '320501197203150018' });
      expect(r).toMatchObject({ ok: false, error: { code: 'DEVICES_TRAINING_ONLY', message: '仅培训模式可用' } });
      const list = await host.callAs('w', 'devices.list');
      expect(list).toMatchObject({ ok: true, value: { training: false, devices: [{ id: 'keyboard-wedge' }] } });
    } finally {
      await host.close();
    }
  });
});
