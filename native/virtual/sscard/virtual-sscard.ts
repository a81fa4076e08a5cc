// A virtual social security card: the SSSE application with EF05/EF06, INTERNAL and EXTERNAL
// AUTHENTICATE with SM4 training keys, and the T=0 habit of answering 61xx.
//
// It behaves like a card, not like our reader: it answers both READ RECORD forms (by record
// identifier and by record number, in the current EF or by SFI), 6Cxx when Le is wrong, 6982 for
// EF06 of a 3.00 card before RKSSSE, 63Cx for a wrong cryptogram and 6983 once the tries are used.
import { randomBytes } from 'node:crypto';
import { type CommandApdu, decodeCommand, encodeResponse, swOnly } from '@native/sscard/apdu';
import { encodeBcdDate, encodeBcdDigits } from '@native/sscard/bcd';
import { bytesEqual, concatBytes, cryptogramsEqual, fromHex } from '@native/sscard/bytes';
import { encodeTextField, splitGbk } from '@native/sscard/card-text';
import { sm4EncryptBlock } from '@native/sscard/crypto/sm4';
import { EF05, EF06, FCI_ALGORITHM_TAG, FCI_DF_NAME_TAG, FCI_PROPRIETARY_TAG, INS, SSSE_AID, SSSE_RECORDS, type RecordSpec } from '@native/sscard/ssse-layout';
import { encodeBerTlv, encodeSimpleTlv } from '@native/sscard/tlv';
import type { VirtualSscardProfile } from './sscard-profile';
import { type MasterKeys, TRAINING_MASTER_KEYS, TRAINING_SM4_ALGORITHM_ID, diversifyKey } from './training-keys';
import type { VirtualIcc } from './virtual-icc';

export interface VirtualSscardOptions {
  masterKeys?: MasterKeys;
  algorithmId?: number;
  /** Answer case-4 commands with 61xx and hand the data out through GET RESPONSE (T=0 cards). */
  t0?: boolean;
  /** The application's AID (default SSSE; the resident health card test uses another). */
  aid?: Uint8Array;
  /** EXTERNAL AUTHENTICATE tries before the key locks (default 3). */
  externalAuthTries?: number;
}

/** T=0 card: TB1 TC1, 12 historical bytes "YKTSSCARD300". */
const ATR_T0 = fromHex('3B 6C 00 00 59 4B 54 53 53 43 41 52 44 33 30 30');
/** T=1 card: TD1 TD2 announce T=0 then T=1, same historical bytes, then TCK (required once T≠0 is offered). */
const ATR_T1 = withTck(fromHex('3B 8C 80 01 59 4B 54 53 53 43 41 52 44 33 30 30'));

function withTck(atr: Uint8Array): Uint8Array {
  let tck = 0;
  for (let i = 1; i < atr.length; i++) tck ^= atr[i] as number;
  return concatBytes(atr, Uint8Array.of(tck));
}

export class VirtualSscard implements VirtualIcc {
  readonly atr: Uint8Array;
  private readonly records = new Map<number, Map<number, Uint8Array>>();
  private readonly internalKey: Uint8Array;
  private readonly externalKey: Uint8Array;
  private readonly aid: Uint8Array;
  private readonly algorithmId: number;
  private readonly t0: boolean;
  private triesLeft: number;

  private appSelected = false;
  private currentEf: number | null = null;
  private externalAuthenticated = false;
  private challenge: Uint8Array | null = null;
  private pending: Uint8Array | null = null;

  constructor(
    readonly profile: VirtualSscardProfile,
    options: VirtualSscardOptions = {},
  ) {
    const keys = options.masterKeys ?? TRAINING_MASTER_KEYS;
    const id = fromHex(profile.cardIdCode);
    if (id.length !== 16) throw new RangeError('卡识别码 must be 32 hex characters');
    this.internalKey = diversifyKey(keys.internalAuth, id);
    this.externalKey = diversifyKey(keys.rkssse, id);
    this.aid = options.aid ?? SSSE_AID;
    this.algorithmId = options.algorithmId ?? TRAINING_SM4_ALGORITHM_ID;
    this.t0 = options.t0 ?? false;
    this.triesLeft = options.externalAuthTries ?? 3;
    this.atr = this.t0 ? ATR_T0 : ATR_T1;
    this.personalise(profile);
  }

  reset(): void {
    this.appSelected = false;
    this.currentEf = null;
    this.externalAuthenticated = false;
    this.challenge = null;
    this.pending = null;
  }

  process(apdu: Uint8Array): Uint8Array {
    let cmd: CommandApdu;
    try {
      cmd = decodeCommand(apdu);
    } catch {
      return swOnly(0x6700);
    }
    if (cmd.ins !== INS.getResponse) this.pending = null;
    if (cmd.cla !== 0x00) return swOnly(0x6e00);
    switch (cmd.ins) {
      case INS.select:
        return this.select(cmd);
      case INS.readRecord:
        return this.readRecord(cmd);
      case INS.getChallenge:
        return this.getChallenge(cmd);
      case INS.internalAuthenticate:
        return this.internalAuthenticate(cmd);
      case INS.externalAuthenticate:
        return this.externalAuthenticate(cmd);
      case INS.getResponse:
        return this.getResponse(cmd);
      default:
        return swOnly(0x6d00);
    }
  }

  private personalise(p: VirtualSscardProfile): void {
    const [name, extension] = p.specVersion === '1.00' ? [p.name, ''] : splitGbk(p.name, 30);
    const values: Record<string, Uint8Array | null> = {
      cardIdCode: fromHex(p.cardIdCode),
      cardType: encodeTextField(p.cardType, 1, 'ascii'),
      specVersion: encodeTextField(p.specVersion, 4, 'ascii'),
      issuer: fromHex(p.issuer),
      issueDate: encodeBcdDate(p.issueDate),
      expiryDate: encodeBcdDate(p.expiryDate),
      cardNumber: encodeTextField(p.cardNumber, 9, 'ascii'),
      ssn: encodeTextField(p.ssn, 18, 'ascii'),
      name: encodeTextField(name, 30, 'gbk'),
      // 2nd-generation cards often have no 姓名扩展 record at all; 3.00 cards always carry it.
      nameExtension: extension || p.specVersion === '3.00' ? encodeTextField(extension, 20, 'gbk') : null,
      gender: encodeTextField(p.gender, 1, 'ascii'),
      nation: encodeBcdDigits(p.nation, 1),
      birthPlace: encodeBcdDigits(p.birthPlace, 3),
      birthDate: encodeBcdDate(p.birthDate),
    };
    for (const spec of SSSE_RECORDS) {
      const v = values[spec.field];
      if (v === null || v === undefined) continue;
      if (!this.records.has(spec.file)) this.records.set(spec.file, new Map());
      this.records.get(spec.file)!.set(spec.tag, encodeSimpleTlv(spec.tag, v));
    }
  }

  private fci(): Uint8Array {
    const proprietary = encodeBerTlv(FCI_PROPRIETARY_TAG, encodeBerTlv(FCI_ALGORITHM_TAG, Uint8Array.of(this.algorithmId)));
    return encodeBerTlv(0x6f, concatBytes(encodeBerTlv(FCI_DF_NAME_TAG, this.aid), encodeBerTlv(0xa5, proprietary)));
  }

  private select(cmd: CommandApdu): Uint8Array {
    const data = cmd.data ?? new Uint8Array(0);
    if (cmd.p1 === 0x04) {
      if (!bytesEqual(data, this.aid)) return swOnly(0x6a82);
      this.reset();
      this.appSelected = true;
      return this.answer(this.fci());
    }
    if (cmd.p1 === 0x02 || cmd.p1 === 0x00) {
      if (data.length !== 2) return swOnly(0x6700);
      const fid = ((data[0] as number) << 8) | (data[1] as number);
      if (!this.appSelected || !this.records.has(fid)) return swOnly(0x6a82);
      this.currentEf = fid;
      return swOnly(0x9000);
    }
    return swOnly(0x6a86);
  }

  private readRecord(cmd: CommandApdu): Uint8Array {
    if (!this.appSelected) return swOnly(0x6985);
    const sfi = cmd.p2 >> 3;
    const file = sfi === 0 ? this.currentEf : sfi === 5 ? EF05 : sfi === 6 ? EF06 : -1;
    if (file === null) return swOnly(0x6986);
    const records = this.records.get(file);
    if (!records) return swOnly(0x6a82);
    if (file === EF06 && this.profile.specVersion === '3.00' && !this.externalAuthenticated) return swOnly(0x6982);
    let spec: RecordSpec | undefined;
    const mode = cmd.p2 & 0x07;
    if (mode === 0x00) spec = SSSE_RECORDS.find((r) => r.file === file && r.tag === cmd.p1);
    else if (mode === 0x04) spec = SSSE_RECORDS.find((r) => r.file === file && r.recordNumber === cmd.p1);
    else return swOnly(0x6a86);
    const record = spec ? records.get(spec.tag) : undefined;
    if (!record) return swOnly(0x6a83);
    if (cmd.le === undefined) return swOnly(0x6700);
    if (cmd.le !== 256 && cmd.le !== record.length) return swOnly(0x6c00 | (record.length & 0xff));
    return encodeResponse(record, 0x9000);
  }

  private getChallenge(cmd: CommandApdu): Uint8Array {
    if (cmd.le !== 4 && cmd.le !== 8) return swOnly(0x6700);
    this.challenge = new Uint8Array(randomBytes(cmd.le));
    return encodeResponse(this.challenge, 0x9000);
  }

  private internalAuthenticate(cmd: CommandApdu): Uint8Array {
    if (!this.appSelected) return swOnly(0x6985);
    if (!cmd.data || cmd.data.length !== 16) return swOnly(0x6700);
    return this.answer(sm4EncryptBlock(this.internalKey, cmd.data));
  }

  private externalAuthenticate(cmd: CommandApdu): Uint8Array {
    if (!this.appSelected) return swOnly(0x6985);
    if (cmd.p2 !== 0x0a) return swOnly(0x6a88);
    if (!cmd.data || cmd.data.length !== 16) return swOnly(0x6700);
    if (this.triesLeft === 0) return swOnly(0x6983);
    const challenge = this.challenge;
    this.challenge = null;
    if (!challenge || challenge.length !== 8) return swOnly(0x6984);
    const expected = sm4EncryptBlock(this.externalKey, concatBytes(challenge, new Uint8Array(8)));
    if (!cryptogramsEqual(expected, cmd.data)) {
      this.triesLeft--;
      return swOnly(this.triesLeft === 0 ? 0x6983 : 0x63c0 | this.triesLeft);
    }
    this.externalAuthenticated = true;
    return swOnly(0x9000);
  }

  /** Case-4 answer: direct on T=1, 61xx then GET RESPONSE on T=0. */
  private answer(data: Uint8Array): Uint8Array {
    if (!this.t0) return encodeResponse(data, 0x9000);
    this.pending = data;
    return swOnly(0x6100 | (data.length & 0xff));
  }

  private getResponse(cmd: CommandApdu): Uint8Array {
    const pending = this.pending;
    if (!pending) return swOnly(0x6985);
    const le = cmd.le ?? 256;
    if (le >= pending.length) {
      this.pending = null;
      return encodeResponse(pending, 0x9000);
    }
    const part = pending.slice(0, le);
    this.pending = pending.slice(le);
    return encodeResponse(part, 0x6100 | (this.pending.length & 0xff));
  }
}
