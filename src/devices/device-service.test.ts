import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEVICES_CONFIG, DevicesConfigSchema, type DevicesConfig } from '@src/contract/devices-config';
import type { Medium } from '@src/contract/methods/devices';
import { transportDevice } from '@native/devices/device-specs';
import { byteTransportPair } from '@native/transport/fake-byte-transport';
import { waitUntil } from '@native/transport/wait-until';
import { setWltDecoder } from '@native/idcard/wlt-decoder';
import { VirtualSamvReader } from '@native/virtual/virtual-samv-reader';
import { wedgeScanEvents } from '@native/virtual/virtual-scanner';
import { DeviceService, type ReadErrorEvent } from './device-service';
import { attachSamv } from './drivers/samv-driver';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
  setWltDecoder(undefined);
});

function service(config: DevicesConfig = DEFAULT_DEVICES_CONFIG, kind: 'hospital' | 'pharmacy' = 'hospital') {
  const s = new DeviceService({ config: () => config, institutionKind: () => kind, operator: () => ({ id: 'sy01', name: '王小红' }), sources: [] });
  const media: Medium[] = [];
  const errors: ReadErrorEvent[] = [];
  s.onMedium((m) => media.push(m));
  s.onReadError((e) => errors.push(e));
  stops.push(() => s.stop());
  return { s, media, errors };
}

async function withVirtualReader(s: DeviceService) {
  const line = byteTransportPair();
  const virtual = new VirtualSamvReader(line.device);
  await virtual.start();
  s.addDevice(transportDevice({ id: 'idcard', label: '身份证读卡器', kind: 'idcard', transport: line.host, attach: (t) => attachSamv(t, { id: 'idcard', baudRate: 115200, fingerprint: false, pollMs: 20 }, s.context) }), 'samv');
  stops.push(() => virtual.stop());
  return { virtual, line };
}

describe('device service', () => {
  it('turns an ID-card read into one medium with the 1101 certificate, and remembers a masked last read', async () => {
    const { s, media } = service();
    const { virtual } = await withVirtualReader(s);
    s.start();
    await waitUntil(() => s.manager.status('idcard')?.state === 'connected');
    virtual.placeCard({ text: { name: '孙磊', gender: '1', nation: '01', birthDate: '1993-07-26', address: '北京市朝阳区建国路88号', idNumber: '110105199307260071', authority: '北京市公安局朝阳分局', validFrom: '2013-09-01', validTo: '2033-09-01' } });
    await waitUntil(() => media.length === 1);
    expect(media[0]).toMatchObject({ kind: 'idCard', deviceId: 'idcard', mdtrtCertType: '02', mdtrtCertNo: '110105199307260071' });
    expect(media[0]!.kind === 'idCard' && media[0]!.idCard.photoBmpBase64).toBeFalsy();
    expect(s.list().find((d) => d.id === 'idcard')).toMatchObject({ driver: 'samv', lastRead: { summary: '身份证 孙* 110105********0071' } });
  });

  it('passes the photo through a registered WLT decoder', async () => {
    setWltDecoder({ name: 'test', decode: async (wlt) => Uint8Array.of(0x42, 0x4d, wlt.length & 0xff) });
    const { s, media } = service();
    const { virtual } = await withVirtualReader(s);
    s.start();
    await waitUntil(() => s.manager.status('idcard')?.state === 'connected');
    virtual.placeCard({ text: { name: '孙磊', gender: '1', nation: '01', birthDate: '1993-07-26', address: '北京市朝阳区建国路88号', idNumber: '110105199307260071', authority: '北京市公安局朝阳分局', validFrom: '2013-09-01', validTo: '2033-09-01' } });
    await waitUntil(() => media.length === 1);
    expect(media[0]!.kind === 'idCard' && media[0]!.idCard.photoBmpBase64).toBe(Buffer.from([0x42, 0x4d, 0]).toString('base64'));
  });

  it('reports failed reads with the Chinese message', async () => {
    const { s, errors } = service();
    const { virtual } = await withVirtualReader(s);
    s.start();
    await waitUntil(() => s.manager.status('idcard')?.state === 'connected');
    virtual.inject({ kind: 'removeBeforeRead' });
    virtual.placeCard({ text: { name: '孙磊', gender: '1', nation: '01', birthDate: '1993-07-26', address: '北京市朝阳区建国路88号', idNumber: '110105199307260071', authority: '北京市公安局朝阳分局', validFrom: '2013-09-01', validTo: '2033-09-01' } });
    await waitUntil(() => errors.length === 1);
    expect(errors[0]).toMatchObject({ deviceId: 'idcard', medium: 'idCard', code: 'IDCARD_READ_FAILED', message: '读卡失败，请重新放卡' });
  });

  it('keyboard wedge: per-window detection, ec.query businessType by institution kind', async () => {
    const { s, errors } = service(DEFAULT_DEVICES_CONFIG, 'pharmacy');
    let businessType = '';
    s.setEcResolver({
      async resolveEVoucher(input) {
        businessType = input.businessType;
        return { ecToken: 't', idNumber: '110105199307260071', idType: '01', name: '孙磊', insuredArea: '110000' };
      },
    });
    const events = wedgeScanEvents('EC0111000020261123SL00000000007', { start: 10 });
    // Two windows interleaving: each keeps its own burst.
    expect(s.wedgeInput('a', events.slice(0, 10), false)).toEqual([]);
    expect(s.wedgeInput('b', [{ key: 'x', t: 12 }], true)).toEqual([{ kind: 'typing', text: 'x' }]);
    expect(s.wedgeInput('a', events.slice(10), false)).toEqual([expect.objectContaining({ kind: 'scan' })]);
    await s.settled();
    expect(businessType).toBe('02121');
    expect(errors).toEqual([]);
  });

  it("a keyboard-wedge e-voucher is resolved under the operator signed in at that window, not the first one on duty", async () => {
    const { s } = service();
    const operators: string[] = [];
    s.setEcResolver({
      async resolveEVoucher(input) {
        operators.push(`${input.operatorId}/${input.operatorName}`);
        return { ecToken: 't', idNumber: '110105199307260071', idType: '01', name: '孙磊', insuredArea: '110000' };
      },
    });
    s.wedgeInput('window-2', wedgeScanEvents('EC0111000020261123SL00000000007'), false, { id: 'sy02', name: '赵收银' });
    await s.settled();
    // A window whose operator is unknown (none forwarded) falls back to the operator on duty.
    s.wedgeInput('window-3', wedgeScanEvents('EC0132050020261123ZW00000000001', { start: 5000 }), false);
    await s.settled();
    expect(operators).toEqual(['sy02/赵收银', 'sy01/王小红']);
  });

  it('the wedge can be switched off; it is listed but never in the status bar', () => {
    const on = service();
    expect(on.s.list().map((d) => d.id)).toEqual(['keyboard-wedge']);
    expect(on.s.statusBar()).toEqual([]);
    const off = service(DevicesConfigSchema.parse({ wedge: { enabled: false } }));
    expect(off.s.list()).toEqual([]);
    expect(off.s.wedgeInput('a', wedgeScanEvents('6901234567892'), true)).toEqual([]);
  });

  it('applies configuration changes: added devices appear, removed ones go, a missing driver is an error with a reason', async () => {
    let config = DEFAULT_DEVICES_CONFIG;
    const s = new DeviceService({ config: () => config, institutionKind: () => 'hospital', operator: () => undefined, sources: [] });
    stops.push(() => s.stop());
    s.applyConfig();
    config = DevicesConfigSchema.parse({ readers: [{ driver: 'samv', id: 'idcard', serial: { path: '/nonexistent/tty' } }, { driver: 'sscard', id: 'ss', transport: 'pcsc' }] });
    s.applyConfig();
    await s.manager.pollNow();
    expect(s.manager.status('idcard')).toMatchObject({ state: 'disconnected', message: '未找到设备' });
    expect(s.manager.status('ss')).toMatchObject({ state: 'error', message: '设备驱动“sscard”不可用' });
    config = DevicesConfigSchema.parse({ readers: [] });
    s.applyConfig();
    await s.settled();
    await waitUntil(() => s.manager.statuses().length === 0);
  });
});
