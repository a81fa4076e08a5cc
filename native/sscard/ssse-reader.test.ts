// The card application against virtual cards: both generations, the PSAM paths, wrong cards,
// damaged records, unexpected status words and a card pulled between two APDUs.
import { describe, expect, it } from 'vitest';
import { isAppError } from '@src/common/errors';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { sscardProfileOf } from '@src/training/devices/training-sscards';
import { encodeResponse, swOnly } from '@native/sscard/apdu';
import { FaultyIcc, readRecordOf } from '@native/virtual/sscard/faulty-icc';
import { TRAINING_SM4_ALGORITHM_ID } from '@native/virtual/sscard/training-keys';
import { type VirtualCounterOptions, virtualCounterReader } from '@native/virtual/sscard/virtual-counter-reader';
import { VirtualSscard } from '@native/virtual/sscard/virtual-sscard';
import { fromHex } from './bytes';
import { type SscardReadStats, readSscard } from './ssse-reader';

const gen3 = TRAINING_PATIENTS.find((p) => p.card.specVersion === '3.00')!;
const gen2 = TRAINING_PATIENTS.find((p) => p.card.specVersion === '2.00')!;

async function readerWith(card: VirtualSscard | FaultyIcc, psam?: VirtualCounterOptions['psam']) {
  const reader = virtualCounterReader({ card, psam });
  await reader.open();
  return reader;
}

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; hint?: string; data?: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message, hint: e.hint, data: e.data };
    throw e;
  }
  throw new Error('expected the read to fail');
}

describe('reading a social security card', () => {
  it.each(TRAINING_PATIENTS.map((p) => [p.name, p.card.specVersion, p] as const))('reads %s (%s) exactly as issued', async (_n, _v, patient) => {
    const reader = await readerWith(new VirtualSscard(sscardProfileOf(patient)));
    const read = await readSscard(reader);
    expect(read.card).toEqual({
      cardIdCode: patient.card.cardIdCode,
      cardType: '1',
      specVersion: patient.card.specVersion,
      issuer: `${patient.card.cardIdCode.slice(0, 6)}D15600000500000000`,
      issueDate: patient.card.issueDate,
      expiryDate: patient.card.expiryDate,
      cardNumber: patient.card.cardNumber,
      ssn: patient.idNumber,
      name: patient.name,
      gender: patient.gender,
      nation: patient.nation,
      birthPlace: patient.card.birthPlace,
      birthDate: patient.birthDate,
    });
    expect(read.regionCode).toBe(patient.card.cardIdCode.slice(0, 6));
    expect(read.driver).toBe('virtual');
  });

  it('authenticates a 3.00 card with the PSAM (internal, then RKSSSE external) and reports the terminal number', async () => {
    const reader = await readerWith(new VirtualSscard(sscardProfileOf(gen3)), { terminalNumber: '320500000123' });
    const stats: SscardReadStats = { cardExchanges: 0, psamExchanges: 0 };
    const read = await readSscard(reader, {}, stats);
    expect(read.authentication).toBe('internal+external');
    expect(read.terminalNumber).toBe('320500000123');
    expect(stats.psamExchanges).toBeGreaterThanOrEqual(6);
    expect(reader.beeps).toBe(1);
  });

  it('reads a 2.00 card without any PSAM', async () => {
    const reader = await readerWith(new VirtualSscard(sscardProfileOf(gen2)), null);
    const read = await readSscard(reader, { psamSlot: null });
    expect(read.authentication).toBe('none');
    expect(read.card.name).toBe(gen2.name);
    expect(read.terminalNumber).toBeNull();
  });

  it('joins 姓名 and 姓名扩展 for names longer than 30 GBK bytes', async () => {
    const longName = '阿卜杜热依木·买买提艾力江·吐尔逊托合提';
    const reader = await readerWith(new VirtualSscard({ ...sscardProfileOf(gen3), name: longName }));
    const read = await readSscard(reader);
    expect(read.card.name).toBe(longName);
  });

  it('powers the card and the PSAM off after the read', async () => {
    const reader = await readerWith(new VirtualSscard(sscardProfileOf(gen3)));
    await readSscard(reader);
    expect(reader.state('contact')).toBe('present');
    expect(reader.state('psam1')).toBe('present');
  });

  it('handles T=0 cards that answer 61xx, fetching the data with GET RESPONSE', async () => {
    const t1 = await readerWith(new VirtualSscard(sscardProfileOf(gen3)));
    const t0 = await readerWith(new VirtualSscard(sscardProfileOf(gen3), { t0: true }));
    const s1: SscardReadStats = { cardExchanges: 0, psamExchanges: 0 };
    const s0: SscardReadStats = { cardExchanges: 0, psamExchanges: 0 };
    const a = await readSscard(t1, {}, s1);
    const b = await readSscard(t0, {}, s0);
    expect(b.card).toEqual(a.card);
    // SELECT SSSE and INTERNAL AUTHENTICATE each need one GET RESPONSE on T=0.
    expect(s0.cardExchanges).toBe(s1.cardExchanges + 2);
  });

  it('queues a second read behind the first instead of interleaving APDUs', async () => {
    const reader = await readerWith(new VirtualSscard(sscardProfileOf(gen3)));
    const [a, b] = await Promise.all([readSscard(reader), readSscard(reader)]);
    expect(a.card).toEqual(b.card);
  });
});

describe('the PSAM', () => {
  const card = () => new VirtualSscard(sscardProfileOf(gen3));

  it('missing from its socket: a 3.00 card is refused with −2201 and a hint about the PSAM socket', async () => {
    const f = await failure(readSscard(await readerWith(card(), null)));
    expect(f.code).toBe('SSCARD_PSAM_MISSING');
    expect(f.data?.returnCode).toBe(-2201);
    expect(f.message).toContain('PSAM');
    expect(f.hint).toContain('PSAM 卡座');
  });

  it('not configured at this counter (psamSlot null): the same clear refusal', async () => {
    const f = await failure(readSscard(await readerWith(card()), { psamSlot: null }));
    expect(f.code).toBe('SSCARD_PSAM_MISSING');
  });

  it('of another scheme (no social-security application)', async () => {
    const f = await failure(readSscard(await readerWith(card(), { hasApplication: false })));
    expect(f.code).toBe('SSCARD_PSAM_NO_APPLICATION');
  });

  it('without a key for the card algorithm: −2202', async () => {
    const f = await failure(readSscard(await readerWith(card(), { keys: new Map([[0x01, {}]]) })));
    expect(f.code).toBe('SSCARD_PSAM_ALGORITHM_UNSUPPORTED');
    expect(f.data?.returnCode).toBe(-2202);
  });

  it('without RKSSSE: −2203', async () => {
    const keys = new Map([[TRAINING_SM4_ALGORITHM_ID, { internalAuth: fromHex('594B542D545241494E2D494E542D3031') }]]);
    const f = await failure(readSscard(await readerWith(card(), { keys })));
    expect(f.code).toBe('SSCARD_PSAM_NO_RKSSSE');
    expect(f.data?.returnCode).toBe(-2203);
  });

  it('with other master keys: the card fails internal authentication (−21) and EF06 is never read', async () => {
    const other = new Map([[TRAINING_SM4_ALGORITHM_ID, { internalAuth: new Uint8Array(16).fill(1), rkssse: new Uint8Array(16).fill(2) }]]);
    const f = await failure(readSscard(await readerWith(card(), { keys: other })));
    expect(f.code).toBe('SSCARD_INTERNAL_AUTH_FAILED');
    expect(f.data?.returnCode).toBe(-21);
  });

  it('with the right internal key but a wrong RKSSSE: the card answers 63Cx and says how many tries are left', async () => {
    const keys = new Map([[TRAINING_SM4_ALGORITHM_ID, { internalAuth: fromHex('594B542D545241494E2D494E542D3031'), rkssse: new Uint8Array(16).fill(7) }]]);
    const f = await failure(readSscard(await readerWith(card(), { keys })));
    expect(f.code).toBe('SSCARD_AUTH_FAILED');
    expect(f.message).toContain('剩余可尝试 2 次');
    expect(f.data?.sw).toBe('63C2');
  });
});

describe('cards that are not what they should be', () => {
  it('refuses a card without the SSSE application (resident health card) before reading anything', async () => {
    const health = new VirtualSscard(sscardProfileOf(gen2), { aid: fromHex('A000000632010105') });
    const f = await failure(readSscard(await readerWith(health)));
    expect(f.code).toBe('SSCARD_NOT_SSSE');
    expect(f.message).toContain('不是社会保障卡');
  });

  it('refuses a card whose FCI names another application', async () => {
    const liar = new FaultyIcc(new VirtualSscard(sscardProfileOf(gen2)), [
      { match: (c) => c.ins === 0xa4 && c.p1 === 0x04, respond: () => encodeResponse(fromHex('6F 0A 84 08 A0 00 00 06 32 01 01 05'), 0x9000) },
    ]);
    const f = await failure(readSscard(await readerWith(liar)));
    expect(f.code).toBe('SSCARD_NOT_SSSE');
  });

  it('reports a truncated record (TLV longer than the bytes present) as damaged data naming the field', async () => {
    const damaged = new FaultyIcc(new VirtualSscard(sscardProfileOf(gen2)), [
      { match: readRecordOf(0x07), respond: () => encodeResponse(fromHex('07 09 41 33 34'), 0x9000) },
    ]);
    const f = await failure(readSscard(await readerWith(damaged)));
    expect(f.code).toBe('SSCARD_BAD_RECORD');
    expect(f.message).toContain('卡号');
  });

  it('reports a record with the wrong tag as damaged data', async () => {
    const damaged = new FaultyIcc(new VirtualSscard(sscardProfileOf(gen2)), [
      { match: readRecordOf(0x05), respond: () => encodeResponse(fromHex('06 04 20 30 01 01'), 0x9000) },
    ]);
    expect((await failure(readSscard(await readerWith(damaged)))).code).toBe('SSCARD_BAD_RECORD');
  });

  it('reports an impossible BCD date as damaged data', async () => {
    const damaged = new FaultyIcc(new VirtualSscard(sscardProfileOf(gen2)), [
      { match: readRecordOf(0x0d), respond: () => encodeResponse(fromHex('0D 04 19 88 02 31'), 0x9000) },
    ]);
    const f = await failure(readSscard(await readerWith(damaged)));
    expect(f.code).toBe('SSCARD_BAD_RECORD');
    expect(f.message).toContain('出生日期');
  });

  it.each([
    [0x6f00, 'SSCARD_CARD_ERROR'],
    [0x6581, 'SSCARD_MEMORY_FAILURE'],
    [0x9303, 'SSCARD_APPLICATION_LOCKED'],
    [0x6a83, 'SSCARD_RECORD_NOT_FOUND'],
    [0x6e00, 'SSCARD_CLA_NOT_SUPPORTED'],
    [0x9876, 'SSCARD_UNEXPECTED_STATUS'],
  ])('turns status word %s during a record read into %s with the negated return code', async (sw, code) => {
    const odd = new FaultyIcc(new VirtualSscard(sscardProfileOf(gen2)), [{ match: readRecordOf(0x08), respond: () => swOnly(sw) }]);
    const f = await failure(readSscard(await readerWith(odd)));
    expect(f.code).toBe(code);
    expect(f.data?.returnCode).toBe(-sw);
    expect(f.message).toContain('社会保障号码');
  });

  it('treats a missing 姓名扩展 on a 2.00 card as empty, not as an error', async () => {
    const reader = await readerWith(new VirtualSscard(sscardProfileOf(gen2)));
    const read = await readSscard(reader);
    expect(read.card.name).toBe(gen2.name);
  });

  it('refuses an unknown spec version with a message naming it', async () => {
    const future = new FaultyIcc(new VirtualSscard(sscardProfileOf(gen2)), [
      { match: readRecordOf(0x03), respond: () => encodeResponse(fromHex('03 04 34 2E 30 30'), 0x9000) },
    ]);
    const f = await failure(readSscard(await readerWith(future)));
    expect(f.code).toBe('SSCARD_UNSUPPORTED_VERSION');
    expect(f.message).toContain('4.00');
  });

  it('answers a response shorter than a status word with a clear error', async () => {
    const broken = new FaultyIcc(new VirtualSscard(sscardProfileOf(gen2)), [{ match: readRecordOf(0x02), respond: () => Uint8Array.of(0x90) }]);
    expect((await failure(readSscard(await readerWith(broken)))).code).toBe('SSCARD_BAD_RESPONSE');
  });
});

describe('the card or reader going away', () => {
  it('no card in the slot', async () => {
    const reader = virtualCounterReader();
    await reader.open();
    const f = await failure(readSscard(reader));
    expect(f.code).toBe('READER_NO_CARD');
    expect(f.hint).toContain('插入读卡器');
  });

  it('card pulled between two APDUs: READER_CARD_REMOVED, and the next read works once it is back', async () => {
    const card = new VirtualSscard(sscardProfileOf(gen3));
    const reader = await readerWith(card);
    const off = reader.onExchange((slot, n) => {
      if (slot === 'contact' && n === 5) reader.remove('contact');
    });
    const f = await failure(readSscard(reader));
    expect(f.code).toBe('READER_CARD_REMOVED');
    expect(f.message).toContain('卡片被取出');
    off();
    reader.insert('contact', card);
    expect((await readSscard(reader)).card.name).toBe(gen3.name);
  });

  it('card pulled during PSAM authentication', async () => {
    const reader = await readerWith(new VirtualSscard(sscardProfileOf(gen3)));
    reader.onExchange((slot) => {
      if (slot === 'psam1') reader.remove('contact');
    });
    expect((await failure(readSscard(reader))).code).toBe('READER_CARD_REMOVED');
  });

  it('a mute card (dirty contacts)', async () => {
    const reader = await readerWith(new VirtualSscard(sscardProfileOf(gen2)));
    reader.setMute('contact', true);
    expect((await failure(readSscard(reader))).code).toBe('READER_CARD_MUTE');
  });

  it('reader unplugged mid-read', async () => {
    const reader = await readerWith(new VirtualSscard(sscardProfileOf(gen2)));
    reader.onExchange((_s, n) => {
      if (n === 3) reader.unplug();
    });
    expect((await failure(readSscard(reader))).code).toBe('READER_DISCONNECTED');
  });
});
