// The terminal's side of the PSAM (the secure access module in the reader's SAM socket).
//
// The PSAM holds the keys; the terminal only relays: it asks the PSAM for challenges, has it
// compute the value a genuine card must return to INTERNAL AUTHENTICATE, and has it compute the
// RKSSSE cryptogram a 3.00 card wants in EXTERNAL AUTHENTICATE. Commands and key-usage codes are
// in ssse-layout.ts (PBOC-PSAM style 80 1A / 80 FA; the choice is documented in docs/sscard.md).
import { isAppError } from '@src/common/errors';
import { type ApduReader, slotChannel } from '@native/readers/apdu-reader';
import { type SlotId } from '@native/readers/slots';
import { ApduSession } from './apdu-session';
import { decodeBcdDigits } from './bcd';
import { toHex } from './bytes';
import { psamAlgorithmUnsupported, psamMissing, psamWithoutApplication, psamWithoutRkssse } from './sscard-errors';
import { SW_OK, statusWordError } from './status-words';
import { CHALLENGE_LENGTH, INS, PSAM_APPLICATION_AID, PSAM_KEY_USAGE, PSAM_TERMINAL_NUMBER_LENGTH, PSAM_TERMINAL_NUMBER_SFI } from './ssse-layout';

export type PsamKeyUsage = keyof typeof PSAM_KEY_USAGE;

export class PsamClient {
  private readonly session: ApduSession;
  atr = '';
  /** 终端机编号 (from the PSAM's EF16), null when the PSAM keeps none. */
  terminalNumber: string | null = null;

  constructor(
    private readonly reader: ApduReader,
    private readonly slot: SlotId,
  ) {
    this.session = new ApduSession(slotChannel(reader, slot), 'psam');
  }

  get exchanges(): number {
    return this.session.exchanges;
  }

  /** Powers the PSAM, selects its social-security application and reads the terminal number. */
  async open(): Promise<void> {
    if (!this.reader.slots().includes(this.slot)) throw psamMissing(`reader ${this.reader.name} has no slot ${this.slot}`);
    try {
      await this.reader.selectSlot(this.slot);
      this.atr = toHex(await this.reader.powerOn());
    } catch (e) {
      if (isAppError(e) && (e.code === 'READER_NO_CARD' || e.code === 'READER_CARD_MUTE' || e.code === 'READER_SLOT_UNSUPPORTED')) {
        throw psamMissing(`${e.code} on ${this.slot}`);
      }
      throw e;
    }
    const selected = await this.session.send({ cla: 0x00, ins: INS.select, p1: 0x04, p2: 0x00, data: PSAM_APPLICATION_AID, le: 256 }, '选择社保应用');
    if (selected.sw === 0x6a82 || selected.sw === 0x6a81) throw psamWithoutApplication(`PSAM SELECT answered ${selected.sw.toString(16)}`);
    if (selected.sw !== SW_OK) throw statusWordError(selected.sw, '选择社保应用', 'psam');
    const terminal = await this.session.send(
      { cla: 0x00, ins: INS.readBinary, p1: 0x80 | PSAM_TERMINAL_NUMBER_SFI, p2: 0x00, le: PSAM_TERMINAL_NUMBER_LENGTH },
      '读取终端机编号',
    );
    // The terminal number only feeds the 11-field output; a PSAM without EF16 still authenticates.
    this.terminalNumber = terminal.sw === SW_OK ? safeDigits(terminal.data) : null;
  }

  async challenge(): Promise<Uint8Array> {
    const r = await this.session.expectOk({ cla: 0x00, ins: INS.getChallenge, p1: 0, p2: 0, le: CHALLENGE_LENGTH }, '取随机数');
    if (r.length !== CHALLENGE_LENGTH) throw statusWordError(0x6700, '取随机数', 'psam');
    return r;
  }

  /**
   * Computes one 16-byte block under the card key derived from the master key `usage` for
   * `algorithmId`, diversified by the card's 卡识别码.
   */
  async compute(usage: PsamKeyUsage, algorithmId: number, cardIdCode: Uint8Array, block: Uint8Array): Promise<Uint8Array> {
    const init = await this.session.send(
      { cla: 0x80, ins: INS.psamInitCompute, p1: PSAM_KEY_USAGE[usage], p2: algorithmId, data: cardIdCode },
      usage === 'rkssse' ? '准备 RKSSSE 密钥' : '准备内部认证密钥',
    );
    if (init.sw === 0x6a88 || init.sw === 0x6a81) {
      throw usage === 'rkssse' ? psamWithoutRkssse() : psamAlgorithmUnsupported(algorithmId);
    }
    if (init.sw !== SW_OK) throw statusWordError(init.sw, '准备密钥', 'psam');
    const out = await this.session.expectOk({ cla: 0x80, ins: INS.psamCompute, p1: 0x00, p2: 0x00, data: block, le: 16 }, '密钥运算');
    if (out.length !== 16) throw statusWordError(0x6700, '密钥运算', 'psam');
    return out;
  }

  async close(): Promise<void> {
    if (this.reader.selectedSlot !== this.slot) await this.reader.selectSlot(this.slot);
    await this.reader.powerOff();
  }
}

function safeDigits(bytes: Uint8Array): string | null {
  try {
    return decodeBcdDigits(bytes);
  } catch {
    return toHex(bytes);
  }
}
