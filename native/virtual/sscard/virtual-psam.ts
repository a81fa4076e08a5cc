// A virtual PSAM with the social-security application: terminal number in EF16, GET CHALLENGE,
// and the PBOC-style "80 1A" (initialise with a key diversified by the 卡识别码) / "80 FA"
// (compute one SM4 block) pair the terminal uses for internal and external authentication.
// Options remove the application, an algorithm or the RKSSSE key, so the −2201/−2202/−2203
// paths are exercised end to end.
import { randomBytes } from 'node:crypto';
import { type CommandApdu, decodeCommand, encodeResponse, swOnly } from '@native/sscard/apdu';
import { encodeBcdDigits } from '@native/sscard/bcd';
import { bytesEqual, fromHex } from '@native/sscard/bytes';
import { sm4EncryptBlock } from '@native/sscard/crypto/sm4';
import { INS, PSAM_APPLICATION_AID, PSAM_KEY_USAGE, PSAM_TERMINAL_NUMBER_SFI } from '@native/sscard/ssse-layout';
import { type MasterKeys, TRAINING_MASTER_KEYS, TRAINING_SM4_ALGORITHM_ID, diversifyKey } from './training-keys';
import type { VirtualIcc } from './virtual-icc';

export interface VirtualPsamOptions {
  /** 终端机编号, 12 digits (default 000000000001). */
  terminalNumber?: string;
  /** Keys per algorithm identifier (default: SM4 training keys under 03). */
  keys?: ReadonlyMap<number, Partial<MasterKeys>>;
  /** false: a PSAM of another scheme (transport, bank) without the social-security application. */
  hasApplication?: boolean;
}

export class VirtualPsam implements VirtualIcc {
  readonly atr = fromHex('3B 6A 00 00 59 4B 54 50 53 41 4D 30 31 30');
  private readonly keys: ReadonlyMap<number, Partial<MasterKeys>>;
  private readonly terminalNumber: Uint8Array;
  private readonly hasApplication: boolean;
  private selected = false;
  private sessionKey: Uint8Array | null = null;

  constructor(options: VirtualPsamOptions = {}) {
    this.keys = options.keys ?? new Map([[TRAINING_SM4_ALGORITHM_ID, TRAINING_MASTER_KEYS]]);
    this.terminalNumber = encodeBcdDigits(options.terminalNumber ?? '000000000001', 6);
    this.hasApplication = options.hasApplication ?? true;
  }

  reset(): void {
    this.selected = false;
    this.sessionKey = null;
  }

  process(apdu: Uint8Array): Uint8Array {
    let cmd: CommandApdu;
    try {
      cmd = decodeCommand(apdu);
    } catch {
      return swOnly(0x6700);
    }
    if (cmd.cla === 0x00 && cmd.ins === INS.select) return this.select(cmd);
    if (cmd.cla === 0x00 && cmd.ins === INS.readBinary) return this.readBinary(cmd);
    if (cmd.cla === 0x00 && cmd.ins === INS.getChallenge) {
      if (cmd.le !== 4 && cmd.le !== 8) return swOnly(0x6700);
      return encodeResponse(new Uint8Array(randomBytes(cmd.le)), 0x9000);
    }
    if (cmd.cla === 0x80 && cmd.ins === INS.psamInitCompute) return this.initCompute(cmd);
    if (cmd.cla === 0x80 && cmd.ins === INS.psamCompute) return this.compute(cmd);
    if (cmd.cla !== 0x00 && cmd.cla !== 0x80) return swOnly(0x6e00);
    return swOnly(0x6d00);
  }

  private select(cmd: CommandApdu): Uint8Array {
    if (cmd.p1 !== 0x04) return swOnly(0x6a86);
    if (!this.hasApplication || !cmd.data || !bytesEqual(cmd.data, PSAM_APPLICATION_AID)) return swOnly(0x6a82);
    this.selected = true;
    this.sessionKey = null;
    return swOnly(0x9000);
  }

  private readBinary(cmd: CommandApdu): Uint8Array {
    if (cmd.p1 !== (0x80 | PSAM_TERMINAL_NUMBER_SFI)) return swOnly(0x6a82);
    const le = cmd.le ?? 256;
    return encodeResponse(this.terminalNumber.slice(0, Math.min(le, this.terminalNumber.length)), 0x9000);
  }

  private initCompute(cmd: CommandApdu): Uint8Array {
    if (!this.selected) return swOnly(0x6985);
    if (!cmd.data || cmd.data.length !== 16) return swOnly(0x6700);
    const usage = cmd.p1 === PSAM_KEY_USAGE.internalAuth ? 'internalAuth' : cmd.p1 === PSAM_KEY_USAGE.rkssse ? 'rkssse' : null;
    if (!usage) return swOnly(0x6a86);
    const master = this.keys.get(cmd.p2)?.[usage];
    if (!master) return swOnly(0x6a88);
    this.sessionKey = diversifyKey(master, cmd.data);
    return swOnly(0x9000);
  }

  private compute(cmd: CommandApdu): Uint8Array {
    if (!this.sessionKey) return swOnly(0x6985);
    if (!cmd.data || cmd.data.length !== 16) return swOnly(0x6700);
    return encodeResponse(sm4EncryptBlock(this.sessionKey, cmd.data), 0x9000);
  }
}
