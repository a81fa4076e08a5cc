// PcscApduReader with an in-process stand-in for the `smartcard` binding that throws the same
// texts pcsc-lite does. The real PC/SC path (pcscd + vpcd) is test/integration/sscard-pcsc.test.ts.
import { describe, expect, it } from 'vitest';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { sscardProfileOf } from '@src/training/devices/training-sscards';
import { fromHex } from '@native/sscard/bytes';
import { readSscard } from '@native/sscard/ssse-reader';
import { VirtualPsam } from '@native/virtual/sscard/virtual-psam';
import { VirtualSscard } from '@native/virtual/sscard/virtual-sscard';
import type { VirtualIcc } from '@native/virtual/sscard/virtual-icc';
import type { PcscBinding, PcscCardHandle, PcscReaderHandle } from './pcsc-binding';
import { PcscApduReader, listPcscReaders } from './pcsc-reader';

const PRESENT = 0x20;
const EMPTY = 0x10;

/** PC/SC readers holding virtual cards; `cards[name] = undefined` is an empty reader. */
function fakeBinding(cards: Record<string, VirtualIcc | undefined>, opts: { serviceDown?: boolean } = {}): PcscBinding {
  class Context {
    isValid = true;
    constructor() {
      if (opts.serviceDown) throw new Error('PC/SC service not running');
    }
    listReaders(): PcscReaderHandle[] {
      return Object.keys(cards).map((name) => ({
        name,
        get state() {
          return cards[name] ? PRESENT : EMPTY;
        },
        get atr() {
          return cards[name] ? Buffer.from(cards[name]!.atr) : null;
        },
        async connect(): Promise<PcscCardHandle> {
          const icc = cards[name];
          if (!icc) throw new Error('No smart card present');
          icc.reset();
          let connected = true;
          return {
            atr: Buffer.from(icc.atr),
            getStatus: () => ({ state: PRESENT, protocol: 2, atr: Buffer.from(icc.atr) }),
            async transmit(cmd) {
              if (!connected) throw new Error('Card is not connected');
              if (cards[name] !== icc) throw new Error('Card was removed');
              return Buffer.from(icc.process(new Uint8Array(cmd)));
            },
            disconnect() {
              connected = false;
            },
          };
        },
      }));
    }
    close(): void {
      this.isValid = false;
    }
  }
  return { Context, SCARD_SHARE_SHARED: 2, SCARD_PROTOCOL_T0: 1, SCARD_PROTOCOL_T1: 2, SCARD_UNPOWER_CARD: 2, SCARD_LEAVE_CARD: 0, SCARD_STATE_PRESENT: PRESENT, SCARD_STATE_MUTE: 0x200 };
}

const gen3 = TRAINING_PATIENTS.find((p) => p.card.specVersion === '3.00')!;
const CONTACT = 'Decard DC4 [Smart_Card_Reader] 02 00';
const SAM = 'Decard DC4 [SAMX_Reader] 03 00';

describe('PC/SC reader', () => {
  it('reads a 3.00 card with the PSAM found as the composite reader\'s SAMX interface', async () => {
    const binding = fakeBinding({ [CONTACT]: new VirtualSscard(sscardProfileOf(gen3)), [SAM]: new VirtualPsam() });
    const reader = new PcscApduReader({ reader: 'Smart_Card_Reader', binding });
    await reader.open();
    expect(reader.slots()).toEqual(['contact', 'psam1']);
    expect(reader.name).toBe(CONTACT);
    const read = await readSscard(reader);
    expect(read.card.name).toBe(gen3.name);
    expect(read.driver).toBe('pcsc');
    expect(await reader.beep()).toBe(false);
    await reader.close();
  });

  it('an empty PSAM reader gives the clear PSAM error', async () => {
    const binding = fakeBinding({ [CONTACT]: new VirtualSscard(sscardProfileOf(gen3)), [SAM]: undefined });
    const reader = new PcscApduReader({ reader: CONTACT, binding });
    await reader.open();
    await expect(readSscard(reader)).rejects.toMatchObject({ code: 'SSCARD_PSAM_MISSING' });
  });

  it('maps PC/SC failures: no card, card removed, unknown reader, service down', async () => {
    const cards: Record<string, VirtualIcc | undefined> = { [CONTACT]: undefined };
    const reader = new PcscApduReader({ reader: CONTACT, psamReader: null, binding: fakeBinding(cards) });
    await reader.open();
    await expect(reader.powerOn()).rejects.toMatchObject({ code: 'READER_NO_CARD' });
    cards[CONTACT] = new VirtualSscard(sscardProfileOf(gen3));
    await reader.powerOn();
    cards[CONTACT] = undefined;
    await expect(reader.transmit(fromHex('0084000008'))).rejects.toMatchObject({ code: 'READER_CARD_REMOVED' });
    await expect(reader.transmit(fromHex('0084000008'))).rejects.toMatchObject({ code: 'READER_CARD_NOT_POWERED' });

    await expect(new PcscApduReader({ reader: 'Nope', binding: fakeBinding({ [CONTACT]: undefined }) }).open()).rejects.toMatchObject({
      code: 'READER_NOT_FOUND',
      message: expect.stringContaining('Nope'),
    });
    await expect(new PcscApduReader({ reader: CONTACT, binding: fakeBinding({}, { serviceDown: true }) }).open()).rejects.toMatchObject({ code: 'READER_SERVICE_DOWN' });
  });

  it('lists readers with card presence and ATR', async () => {
    const list = await listPcscReaders(fakeBinding({ [CONTACT]: new VirtualSscard(sscardProfileOf(gen3)), [SAM]: undefined }));
    expect(list).toEqual([
      { name: CONTACT, cardPresent: true, atr: expect.stringMatching(/^3B/) },
      { name: SAM, cardPresent: false, atr: null },
    ]);
  });
});
