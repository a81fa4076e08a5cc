// Reading a social security card over any APDU reader: the SSSE application flow.
//
//   power on → SELECT SSSE by AID (refuse other cards) → EF05 records (card facts, spec version)
//   → 3.00 only: PSAM internal authentication of the card, then RKSSSE external authentication
//   → EF06 records (holder) → power off, beep.
//
// 1.00/2.00 cards are read without the PSAM: their EF06 is open and the vendor SDKs read them
// without one (devices.md [D1]); docs/sscard.md records this choice.
import { randomBytes } from 'node:crypto';
import { isAppError } from '@src/common/errors';
import { logger } from '@src/platform/logger';
import { type ApduReader, exclusive, slotChannel } from '@native/readers/apdu-reader';
import type { SlotId } from '@native/readers/slots';
import { ApduSession } from './apdu-session';
import { bytesEqual, concatBytes, cryptogramsEqual, fromHex, toHex } from './bytes';
import { PsamClient } from './psam-client';
import type { SscardData, SscardRead } from './sscard-data';
import { incompleteCardData, internalAuthenticationFailed, notSocialSecurityCard, psamMissing, unsupportedSpecVersion } from './sscard-errors';
import { checkCardIdCode, decodeRecord } from './ssse-records';
import {
  CARD_NUMBER_LENGTH,
  CHALLENGE_LENGTH,
  DEFAULT_ALGORITHM_ID,
  EF05,
  EF06,
  EXTERNAL_AUTH_P1,
  EXTERNAL_AUTH_P2_RKSSSE,
  FCI_ALGORITHM_TAG,
  FCI_DF_NAME_TAG,
  FCI_PROPRIETARY_TAG,
  INS,
  INTERNAL_AUTH_P1,
  INTERNAL_AUTH_P2,
  KNOWN_SPEC_VERSIONS,
  READ_RECORD_BY_IDENTIFIER_P2,
  type RecordSpec,
  SELECT_EF_P1,
  SSSE_AID,
  SSSE_RECORDS,
  type SpecVersion,
  type SscardField,
  needsExternalAuthentication,
} from './ssse-layout';
import { SW_OK, statusWordError } from './status-words';
import { TlvFormatError, decodeBerTlv, findBerTlv } from './tlv';

const log = logger('sscard');

export interface ReadSscardOptions {
  /** Where the social security card sits (default contact). */
  cardSlot?: SlotId;
  /** The PSAM socket (default psam1); null when the counter has no PSAM. */
  psamSlot?: SlotId | null;
  /** Sound the reader's buzzer after a good read (default true). */
  beep?: boolean;
  /** Randomness source for the internal-authentication data (tests pass a fixed one). */
  random?: (n: number) => Uint8Array;
}

/** Statistics of the last read (benchmarks). */
export interface SscardReadStats {
  cardExchanges: number;
  psamExchanges: number;
}

/** Reads the card in `options.cardSlot`. The reader must be open. */
export function readSscard(reader: ApduReader, options: ReadSscardOptions = {}, stats?: SscardReadStats): Promise<SscardRead> {
  return exclusive(reader, () => readLocked(reader, options, stats));
}

async function readLocked(reader: ApduReader, options: ReadSscardOptions, stats?: SscardReadStats): Promise<SscardRead> {
  const cardSlot = options.cardSlot ?? 'contact';
  const psamSlot = options.psamSlot === undefined ? 'psam1' : options.psamSlot;
  const random = options.random ?? ((n: number) => new Uint8Array(randomBytes(n)));

  await reader.selectSlot(cardSlot);
  const atr = toHex(await reader.powerOn());
  const card = new ApduSession(slotChannel(reader, cardSlot), 'card');
  let psam: PsamClient | null = null;
  try {
    const algorithmId = await selectSsse(card);
    const fields: Partial<Record<SscardField, string>> = {};
    await readFile(card, EF05, fields);
    const cardIdCode = fields.cardIdCode ?? '';
    checkCardIdCode(cardIdCode);
    const version = specVersionOf(fields.specVersion ?? '');

    let authentication: SscardRead['authentication'] = 'none';
    if (needsExternalAuthentication(version)) {
      if (psamSlot === null) throw psamMissing('no PSAM slot configured');
      psam = new PsamClient(reader, psamSlot);
      await psam.open();
      await authenticate(card, psam, algorithmId, fromHex(cardIdCode), random);
      authentication = 'internal+external';
    }
    await readFile(card, EF06, fields);

    const data = assemble(fields);
    if (options.beep ?? true) await reader.beep(100).catch(() => false);
    log.info({ reader: reader.name, slot: cardSlot, specVersion: version, authentication, exchanges: card.exchanges }, 'social security card read');
    return {
      card: data,
      regionCode: cardIdCode.slice(0, 6),
      atr,
      terminalNumber: psam?.terminalNumber ?? null,
      terminalDevice: reader.deviceSerial,
      authentication,
      driver: reader.kind,
      reader: reader.name,
    };
  } finally {
    if (stats) {
      stats.cardExchanges = card.exchanges;
      stats.psamExchanges = psam?.exchanges ?? 0;
    }
    await powerOffQuietly(reader, cardSlot);
    if (psam) await psam.close().catch((e: unknown) => log.debug({ err: e }, 'PSAM power off failed'));
  }
}

/** SELECT SSSE by AID. Returns the algorithm identifier from the FCI. */
async function selectSsse(card: ApduSession): Promise<number> {
  const res = await card.send({ cla: 0x00, ins: INS.select, p1: 0x04, p2: 0x00, data: SSSE_AID, le: 256 }, '选择社保应用');
  // 6A82/6A81/6A86: no SSSE application — a resident health card, a bank card, …
  if (res.sw === 0x6a82 || res.sw === 0x6a81 || res.sw === 0x6a86) throw notSocialSecurityCard(`SELECT SSSE answered ${res.sw.toString(16)}`);
  if (res.sw !== SW_OK) throw statusWordError(res.sw, '选择社保应用');
  return parseFci(res.data);
}

/**
 * The FCI names the application (84) and carries the algorithm identifier (9F0C … 86 01 xx).
 * A DF name other than SSSE means the card answered for another application: refuse it. An FCI
 * that does not parse is tolerated (the SELECT by AID already succeeded) with the default
 * algorithm, as the national control does.
 */
export function parseFci(fci: Uint8Array): number {
  if (fci.length === 0) return DEFAULT_ALGORITHM_ID;
  try {
    const nodes = decodeBerTlv(fci);
    const dfName = findBerTlv(nodes, FCI_DF_NAME_TAG);
    if (dfName && !bytesEqual(dfName.value, SSSE_AID)) throw notSocialSecurityCard(`FCI DF name ${toHex(dfName.value)} is not SSSE`);
    const proprietary = findBerTlv(nodes, FCI_PROPRIETARY_TAG);
    if (!proprietary) return DEFAULT_ALGORITHM_ID;
    const alg = findBerTlv(decodeBerTlv(proprietary.value), FCI_ALGORITHM_TAG);
    return alg && alg.value.length === 1 ? (alg.value[0] as number) : DEFAULT_ALGORITHM_ID;
  } catch (e) {
    if (e instanceof TlvFormatError) {
      log.warn({ err: e.message }, 'FCI does not parse; using the default algorithm');
      return DEFAULT_ALGORITHM_ID;
    }
    throw e;
  }
}

async function readFile(card: ApduSession, file: number, into: Partial<Record<SscardField, string>>): Promise<void> {
  const label = file === EF05 ? '选择发卡机构数据文件 EF05' : '选择持卡人信息文件 EF06';
  await card.expectOk({ cla: 0x00, ins: INS.select, p1: SELECT_EF_P1, p2: 0x00, data: Uint8Array.of(file >> 8, file & 0xff) }, label);
  for (const spec of SSSE_RECORDS) {
    if (spec.file !== file) continue;
    const value = await readRecord(card, spec);
    if (value !== null) into[spec.field] = value;
  }
}

async function readRecord(card: ApduSession, spec: RecordSpec): Promise<string | null> {
  const step = `读取${spec.label}`;
  const res = await card.send({ cla: 0x00, ins: INS.readRecord, p1: spec.tag, p2: READ_RECORD_BY_IDENTIFIER_P2, le: spec.le }, step);
  if (res.sw === SW_OK) return decodeRecord(spec, res.data);
  if (spec.optional && (res.sw === 0x6a83 || res.sw === 0x6a82)) return null;
  throw statusWordError(res.sw, step);
}

function specVersionOf(text: string): SpecVersion {
  if ((KNOWN_SPEC_VERSIONS as readonly string[]).includes(text)) return text as SpecVersion;
  throw unsupportedSpecVersion(text);
}

/**
 * Internal authentication (is this a genuine card?) then RKSSSE external authentication (the
 * card lets us read EF06). Both with keys diversified by the 卡识别码 inside the PSAM.
 */
async function authenticate(card: ApduSession, psam: PsamClient, algorithmId: number, cardIdCode: Uint8Array, random: (n: number) => Uint8Array): Promise<void> {
  // The 16-byte internal-auth input is an 8-byte process factor and 8 bytes of raw data ([C20]);
  // both come from the terminal side so a recorded card answer cannot be replayed.
  const processFactor = await psam.challenge();
  const raw = random(CHALLENGE_LENGTH);
  const input = concatBytes(processFactor, raw);
  const answer = await card.expectOk({ cla: 0x00, ins: INS.internalAuthenticate, p1: INTERNAL_AUTH_P1, p2: INTERNAL_AUTH_P2, data: input, le: 16 }, '内部认证');
  const expected = await psam.compute('internalAuth', algorithmId, cardIdCode, input);
  if (!cryptogramsEqual(answer, expected)) throw internalAuthenticationFailed('card answer differs from the PSAM computation');

  const challenge = await card.expectOk({ cla: 0x00, ins: INS.getChallenge, p1: 0, p2: 0, le: CHALLENGE_LENGTH }, '取随机数');
  if (challenge.length !== CHALLENGE_LENGTH) throw statusWordError(0x6700, '取随机数');
  const cryptogram = await psam.compute('rkssse', algorithmId, cardIdCode, concatBytes(challenge, new Uint8Array(8)));
  await card.expectOk({ cla: 0x00, ins: INS.externalAuthenticate, p1: EXTERNAL_AUTH_P1, p2: EXTERNAL_AUTH_P2_RKSSSE, data: cryptogram }, '外部认证');
}

const REQUIRED: readonly SscardField[] = ['cardIdCode', 'specVersion', 'issueDate', 'expiryDate', 'cardNumber', 'ssn', 'name'];

function assemble(f: Partial<Record<SscardField, string>>): SscardData {
  const missing = REQUIRED.filter((k) => !f[k]).map((k) => SSSE_RECORDS.find((r) => r.field === k)?.label ?? k);
  if (missing.length > 0) throw incompleteCardData(missing);
  return {
    cardIdCode: f.cardIdCode as string,
    cardType: f.cardType ?? null,
    specVersion: f.specVersion as string,
    issuer: f.issuer ?? null,
    issueDate: f.issueDate as string,
    expiryDate: f.expiryDate as string,
    cardNumber: (f.cardNumber as string).slice(0, CARD_NUMBER_LENGTH),
    ssn: (f.ssn as string).toUpperCase(),
    name: (f.name as string) + (f.nameExtension ?? ''),
    gender: f.gender ?? null,
    nation: f.nation ?? null,
    birthPlace: f.birthPlace ?? null,
    birthDate: f.birthDate ?? null,
  };
}

async function powerOffQuietly(reader: ApduReader, slot: SlotId): Promise<void> {
  try {
    if (reader.selectedSlot !== slot) await reader.selectSlot(slot);
    await reader.powerOff();
  } catch (e) {
    // A pulled card or unplugged reader cannot be powered off; the read's own error says why.
    if (!isAppError(e)) log.debug({ err: e }, 'power off failed');
  }
}
