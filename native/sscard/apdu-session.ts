// Command/response exchange with one card (or PSAM) over a slot channel, resolving the T=0
// status words the card application must never see:
//   61xx — more data waiting: GET RESPONSE (00 C0 00 00 xx), repeatedly, joining the pieces;
//   6Cxx — wrong Le: send the same command again with Le = xx.
// Every other status word goes back to the caller, who decides what it means at that step.
import { AppError } from '@src/common/errors';
import { logger } from '@src/platform/logger';
import type { CardChannel } from '@native/readers/apdu-reader';
import { type CommandApdu, type ResponseApdu, encodeCommand, parseResponse } from './apdu';
import { concatBytes } from './bytes';
import { SW_OK, statusWordError, swHex } from './status-words';
import { INS } from './ssse-layout';

const log = logger('sscard');

/** A card answering 61xx for ever would hang the counter: give up after this many GET RESPONSEs. */
const MAX_GET_RESPONSE = 16;

export type CardRole = 'card' | 'psam';

export class ApduSession {
  /** Exchanges sent, GET RESPONSE included (benchmarks and tests read it). */
  exchanges = 0;

  constructor(
    private readonly channel: CardChannel,
    readonly role: CardRole,
  ) {}

  /** Sends `cmd`; returns data and the final status word after 61xx/6Cxx handling. */
  async send(cmd: CommandApdu, step: string): Promise<ResponseApdu> {
    let res = await this.exchange(cmd, step);
    if ((res.sw & 0xff00) === 0x6c00) {
      const le = res.sw & 0xff || 256;
      log.debug({ role: this.role, step, sw: swHex(res.sw) }, 'wrong Le, resending');
      res = await this.exchange({ ...cmd, le }, step);
    }
    let data = res.data;
    let rounds = 0;
    while ((res.sw & 0xff00) === 0x6100) {
      if (++rounds > MAX_GET_RESPONSE) throw this.endlessResponse(step);
      const le = res.sw & 0xff || 256;
      res = await this.exchange({ cla: 0x00, ins: INS.getResponse, p1: 0, p2: 0, le }, step);
      data = concatBytes(data, res.data);
    }
    log.debug({ role: this.role, step, sw: swHex(res.sw), bytes: data.length }, 'apdu');
    return { data, sw: res.sw };
  }

  /** Like send, but any status word other than 9000 becomes the typed error for that word. */
  async expectOk(cmd: CommandApdu, step: string): Promise<Uint8Array> {
    const res = await this.send(cmd, step);
    if (res.sw !== SW_OK) throw statusWordError(res.sw, step, this.role);
    return res.data;
  }

  private async exchange(cmd: CommandApdu, step: string): Promise<ResponseApdu> {
    this.exchanges++;
    const raw = await this.channel.transmit(encodeCommand(cmd));
    if (raw.length < 2) {
      throw new AppError({
        code: 'SSCARD_BAD_RESPONSE',
        message: `${this.role === 'card' ? '社保卡' : 'PSAM 卡'}${step}时应答不完整`,
        hint: '请取出卡片后重新插卡再读；反复出现请换用其他读卡器。',
        detail: `response of ${raw.length} bytes to INS ${cmd.ins.toString(16)}`,
        data: { step, returnCode: -4 },
      });
    }
    return parseResponse(raw);
  }

  private endlessResponse(step: string): AppError {
    return new AppError({
      code: 'SSCARD_BAD_RESPONSE',
      message: `${this.role === 'card' ? '社保卡' : 'PSAM 卡'}${step}时应答没有结束`,
      hint: '请取出卡片后重新插卡再读；反复出现请换用其他读卡器。',
      detail: `more than ${MAX_GET_RESPONSE} GET RESPONSE rounds`,
      data: { step, returnCode: -4 },
    });
  }
}
