// PC/SC for real: a private pcscd with vsmartcard's vpcd driver, our virtual cards and PSAM
// connected to it over vpcd's socket protocol, read through PcscApduReader and the `smartcard`
// N-API binding. Needs pcscd, vsmartcard-vpcd and permission for `unshare --mount` (root in CI);
// without them the tests print why and skip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { sscardProfileOf } from '@src/training/devices/training-sscards';
import { PcscApduReader, listPcscReaders } from '@native/readers/pcsc/pcsc-reader';
import { readSscard } from '@native/sscard/ssse-reader';
import type { VirtualCardSpec } from '@native/virtual/sscard/vpcd-card-spec';
import { type VpcdCardHandle, VpcdCardThread } from '@native/virtual/sscard/vpcd-card-thread';
import { DevicesConfigSchema } from '@src/contract/devices-config';
import type { Medium } from '@src/contract/methods/devices';
import { DeviceService } from '@src/devices/device-service';
import { readDrivers } from '@src/devices/read-drivers';
import { registerSscardDriver } from '@src/devices/sscard/sscard-driver';
import { waitUntil } from '@native/transport/wait-until';
import { type IsolatedPcscd, pcscdUnavailableReason, startIsolatedPcscd } from './sscard-pcscd';

const skipReason = pcscdUnavailableReason();
if (skipReason) console.warn(`[sscard-pcsc] SKIPPED: ${skipReason}`);

// vpcd gives one configured reader two slots, which pcscd lists as two PC/SC readers: slot 00 is
// the card reader, slot 01 the PSAM socket — a composite reader, configured by name.
const CARD_READER = 'Virtual PCD 00 00';
const SAM_READER = 'Virtual PCD 00 01';
const gen3 = TRAINING_PATIENTS.find((p) => p.card.specVersion === '3.00')!;
const gen2 = TRAINING_PATIENTS.find((p) => p.card.specVersion === '2.00')!;

let pcscd: IsolatedPcscd | undefined;
let cards: VpcdCardThread | undefined;
const inserted: VpcdCardHandle[] = [];

/** Inserts into vpcd slot 0 (card) or 1 (PSAM); the card runs in a worker thread, like hardware would. */
async function insert(spec: VirtualCardSpec, slot: 0 | 1): Promise<VpcdCardHandle> {
  const handle = await cards!.insert(spec, pcscd!.ports[0]! + slot);
  inserted.push(handle);
  return handle;
}
const sscard = (patient: typeof gen3, t0 = false): VirtualCardSpec => ({ kind: 'sscard', profile: sscardProfileOf(patient), options: { t0 } });

/** pcscd polls vpcd for presence: wait until the reader's state says what we expect. */
async function waitForPresence(prefix: string, present: boolean): Promise<void> {
  const deadline = Date.now() + 8000;
  for (;;) {
    const r = (await listPcscReaders()).find((x) => x.name.startsWith(prefix));
    if (r && r.cardPresent === present) return;
    if (Date.now() > deadline) throw new Error(`reader ${prefix} never became ${present ? 'present' : 'empty'}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

describe.skipIf(skipReason !== null)('social security card over PC/SC (pcscd + vpcd)', () => {
  beforeAll(async () => {
    pcscd = await startIsolatedPcscd([{ name: 'Virtual PCD' }]);
    cards = new VpcdCardThread();
    // libpcsclite reads this once, at the first context: set it before any PC/SC call.
    process.env.PCSCLITE_CSOCK_NAME = pcscd.socket;
  });

  afterAll(async () => {
    for (const c of inserted) await c.remove();
    await cards?.stop();
    await pcscd?.stop();
  });

  it('the "Virtual PCD" readers appear through the smartcard package', async () => {
    const names = (await listPcscReaders()).map((r) => r.name);
    expect(names.some((n) => n.startsWith('Virtual PCD'))).toBe(true);
    expect(names).toEqual(expect.arrayContaining([CARD_READER, SAM_READER]));
  });

  it('reads a 3.00 T=0 card, with the PSAM as the second PC/SC reader of the device', async () => {
    const psam = await insert({ kind: 'psam', options: { terminalNumber: '110000000042' } }, 1);
    const card = await insert(sscard(gen3, true), 0);
    await waitForPresence(CARD_READER, true);
    await waitForPresence(SAM_READER, true);

    const reader = new PcscApduReader({ reader: CARD_READER, psamReader: SAM_READER });
    await reader.open();
    expect(reader.slots()).toContain('psam1');
    const read = await readSscard(reader);
    await reader.close();

    expect(read.card).toMatchObject({ name: gen3.name, ssn: gen3.idNumber, cardNumber: gen3.card.cardNumber, cardIdCode: gen3.card.cardIdCode, specVersion: '3.00' });
    expect(read.authentication).toBe('internal+external');
    expect(read.terminalNumber).toBe('110000000042');
    expect(read.driver).toBe('pcsc');
    expect(await card.apdus()).toBeGreaterThan(15);
    expect(await psam.apdus()).toBeGreaterThan(5);
    await card.remove();
    await waitForPresence(CARD_READER, false);
  });

  it('reads a 2.00 card inserted after the first one was pulled', async () => {
    const card = await insert(sscard(gen2), 0);
    await waitForPresence(CARD_READER, true);
    const reader = new PcscApduReader({ reader: 'Virtual PCD', psamReader: SAM_READER });
    await reader.open();
    const read = await readSscard(reader);
    await reader.close();
    expect(read.card.name).toBe(gen2.name);
    expect(read.authentication).toBe('none');
    await card.remove();
    await waitForPresence(CARD_READER, false);
  });

  it('says "no card" for an empty reader', async () => {
    const reader = new PcscApduReader({ reader: CARD_READER, psamReader: SAM_READER });
    await reader.open();
    await expect(readSscard(reader)).rejects.toMatchObject({ code: 'READER_NO_CARD' });
    await reader.close();
  });

  it('devices read --driver sscard --transport pcsc reads the card in-process through the same driver', async () => {
    const psam = await insert({ kind: 'psam' }, 1);
    const card = await insert(sscard(gen3), 0);
    await waitForPresence(CARD_READER, true);
    await waitForPresence(SAM_READER, true);
    const printed = await readDrivers.sscard!.read({ transport: 'pcsc', reader: CARD_READER, psamReader: SAM_READER });
    expect(printed).toMatchObject({ name: gen3.name, ssn: gen3.idNumber, cardNumber: gen3.card.cardNumber, specVersion: '3.00' });
    await card.remove();
    await psam.remove();
    await waitForPresence(CARD_READER, false);
  });

  it('a configured PC/SC 社保卡 reader: the device service connects it and reports an inserted card as a medium for 1101', async () => {
    registerSscardDriver();
    const config = DevicesConfigSchema.parse({
      wedge: { enabled: false },
      readers: [{ driver: 'sscard', id: 'ss-pcsc', transport: 'pcsc', options: { reader: CARD_READER, psamReader: SAM_READER, pollMs: 100 } }],
    });
    const service = new DeviceService({ config: () => config, institutionKind: () => 'hospital', operator: () => undefined, sources: [] });
    const media: Medium[] = [];
    service.onMedium((m) => media.push(m));
    service.start();
    try {
      await waitUntil(() => service.manager.status('ss-pcsc')?.state === 'connected', { timeoutMs: 8000 });
      const card = await insert(sscard(gen2), 0);
      await waitUntil(() => media.length === 1, { timeoutMs: 8000, what: 'the ssCard medium' });
      expect(media[0]).toMatchObject({ kind: 'ssCard', deviceId: 'ss-pcsc', mdtrtCertType: '03', mdtrtCertNo: gen2.card.cardNumber, cardSn: gen2.card.cardIdCode });
      await card.remove();
      await waitForPresence(CARD_READER, false);
    } finally {
      await service.stop();
    }
  });

  it('a card pulled between APDUs fails the read with a card-gone error, not a hang', async () => {
    // The card answers SELECT SSSE, SELECT EF05 and three records, then leaves the reader.
    const card = await cards!.insert(sscard(gen2), pcscd!.ports[0]!, { pullAfterApdus: 5 });
    inserted.push(card);
    await waitForPresence(CARD_READER, true);
    const reader = new PcscApduReader({ reader: CARD_READER, psamReader: SAM_READER });
    await reader.open();
    try {
      await expect(readSscard(reader)).rejects.toMatchObject({ code: 'READER_CARD_REMOVED', message: '读卡过程中卡片被取出' });
    } finally {
      await reader.close();
    }
    await card.remove();
    await waitForPresence(CARD_READER, false);
  });

  it('a 3.00 card with the PSAM pulled: the clear PSAM error', async () => {
    for (const c of inserted.splice(0)) await c.remove();
    await waitForPresence(SAM_READER, false);
    await insert(sscard(gen3), 0);
    await waitForPresence(CARD_READER, true);
    const reader = new PcscApduReader({ reader: CARD_READER, psamReader: SAM_READER });
    await reader.open();
    await expect(readSscard(reader)).rejects.toMatchObject({ code: 'SSCARD_PSAM_MISSING' });
    await reader.close();
  });
});
