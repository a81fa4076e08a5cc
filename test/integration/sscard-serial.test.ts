// The serial reader dialect for real: a socat pty pair, the terminal's DialectReader on one end
// through serialport (termios, the OS's chunking), the virtual reader firmware on the other.
// Needs socat; without it the tests print why and skip.
import { afterEach, describe, expect, it } from 'vitest';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { sscardProfileOf } from '@src/training/devices/training-sscards';
import { DialectReader } from '@native/readers/dialect/dialect-reader';
import { serialFrameLink } from '@native/readers/dialect/frame-link';
import { yktDialect } from '@native/readers/dialect/ykt-dialect';
import { readSscard } from '@native/sscard/ssse-reader';
import { findSocat } from '@native/transport/pty-pair';
import { SerialByteTransport } from '@native/transport/serial-transport';
import { PTY_READER_BAUD, startPtyCounterReader } from '@native/virtual/sscard/pty-counter-reader';
import { VirtualSscard } from '@native/virtual/sscard/virtual-sscard';
import { DevicesConfigSchema } from '@src/contract/devices-config';
import type { Medium } from '@src/contract/methods/devices';
import { DeviceService } from '@src/devices/device-service';
import { registerSscardDriver } from '@src/devices/sscard/sscard-driver';
import { SerialDiscovery } from '@native/transport/serial-discovery';
import { waitUntil } from '@native/transport/wait-until';

const socat = findSocat();
if (!socat) console.warn('[sscard-serial] SKIPPED: socat is not installed (apt-get install socat); the dialect is still covered over in-process fakes in native/readers/dialect.');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp() {
  const { virtual, port, pty, close } = await startPtyCounterReader('ykt-sscard-serial-');
  cleanups.push(close);
  const reader = new DialectReader(serialFrameLink(new SerialByteTransport({ path: port, baudRate: PTY_READER_BAUD }), yktDialect), yktDialect, { timeoutMs: 2000 });
  cleanups.push(() => reader.close());
  await reader.open();
  return { pty, virtual, reader };
}

describe.skipIf(!socat)('social security card through a serial reader (socat pty pair)', () => {
  it('reads every training patient\'s card, 2.00 and 3.00, one after the other', async () => {
    const { reader, virtual } = await setUp();
    for (const patient of TRAINING_PATIENTS) {
      virtual.insert('contact', new VirtualSscard(sscardProfileOf(patient)));
      const read = await readSscard(reader);
      expect(read.card).toMatchObject({ name: patient.name, ssn: patient.idNumber, cardNumber: patient.card.cardNumber, cardIdCode: patient.card.cardIdCode });
      expect(read.authentication).toBe(patient.card.specVersion === '3.00' ? 'internal+external' : 'none');
      expect(read.driver).toBe('serial');
      virtual.remove('contact');
    }
    expect(virtual.beeps).toBe(TRAINING_PATIENTS.length);
  });

  it('card pulled between APDUs', async () => {
    const { reader, virtual } = await setUp();
    virtual.insert('contact', new VirtualSscard(sscardProfileOf(TRAINING_PATIENTS[0]!)));
    virtual.onExchange((slot, n) => {
      if (slot === 'contact' && n === 4) virtual.remove('contact');
    });
    await expect(readSscard(reader)).rejects.toMatchObject({ code: 'READER_CARD_REMOVED' });
  });

  it('a 3.00 card without a PSAM in the reader gets the PSAM error', async () => {
    const { reader, virtual } = await setUp();
    virtual.remove('psam1');
    virtual.insert('contact', new VirtualSscard(sscardProfileOf(TRAINING_PATIENTS.find((p) => p.card.specVersion === '3.00')!)));
    await expect(readSscard(reader)).rejects.toMatchObject({ code: 'SSCARD_PSAM_MISSING', data: { returnCode: -2201 } });
  });

  it('the serial cable pulled (socat gone): READER_DISCONNECTED, never a hang', async () => {
    const { reader, virtual, pty } = await setUp();
    virtual.insert('contact', new VirtualSscard(sscardProfileOf(TRAINING_PATIENTS[1]!)));
    await pty.close();
    // Which of these the cashier sees depends on whether the port noticed the hang-up before the
    // read began (READER_NOT_OPEN) or during it (DISCONNECTED/TIMEOUT); all three are "reader lost"
    // to the monitor, which reconnects. What must never happen is a hang.
    await expect(readSscard(reader)).rejects.toMatchObject({ code: expect.stringMatching(/^READER_(DISCONNECTED|TIMEOUT|NOT_OPEN)$/) });
  });

  it('a configured serial 社保卡 reader under the device service: card → ssCard medium; cable pulled → disconnected', async () => {
    const { virtual, port, pty, close } = await startPtyCounterReader('ykt-sscard-managed-');
    cleanups.push(close);

    registerSscardDriver();
    const config = DevicesConfigSchema.parse({ wedge: { enabled: false }, readers: [{ driver: 'sscard', id: 'ss-serial', transport: 'serial', options: { serial: { path: port }, pollMs: 100 } }] });
    const service = new DeviceService({ config: () => config, institutionKind: () => 'hospital', operator: () => undefined, sources: [new SerialDiscovery()] });
    cleanups.push(() => service.stop());
    const media: Medium[] = [];
    service.onMedium((m) => media.push(m));
    service.start();
    await waitUntil(() => service.manager.status('ss-serial')?.state === 'connected', { timeoutMs: 8000 });
    const patient = TRAINING_PATIENTS.find((p) => p.card.specVersion === '3.00')!;
    virtual.insert('contact', new VirtualSscard(sscardProfileOf(patient), { t0: true }));
    await waitUntil(() => media.length === 1, { timeoutMs: 8000 });
    expect(media[0]).toMatchObject({ kind: 'ssCard', deviceId: 'ss-serial', mdtrtCertNo: patient.card.cardNumber, cardSn: patient.card.cardIdCode });

    await pty.close();
    await service.manager.pollNow();
    await waitUntil(() => service.manager.status('ss-serial')?.state !== 'connected', { timeoutMs: 8000 });
  });
});
