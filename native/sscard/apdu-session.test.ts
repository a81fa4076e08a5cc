import { describe, expect, it } from 'vitest';
import type { CardChannel } from '@native/readers/apdu-reader';
import { ApduSession } from './apdu-session';
import { fromHex, toHex } from './bytes';

/** A channel answering from a script: each entry is [expected command hex, response hex]. */
function scripted(script: [string, string][]): CardChannel & { sent: string[] } {
  const sent: string[] = [];
  return {
    slot: 'contact',
    sent,
    async transmit(apdu) {
      sent.push(toHex(apdu));
      const next = script.shift();
      if (!next) throw new Error('script exhausted');
      expect(toHex(apdu)).toBe(next[0]);
      return fromHex(next[1]);
    },
  };
}

describe('APDU session', () => {
  it('follows 61xx with GET RESPONSE and joins the pieces', async () => {
    const ch = scripted([
      ['00880000100102030405060708090A0B0C0D0E0F1010', '6110'],
      ['00C0000010', '00112233445566776108'],
      ['00C0000008', '8899AABBCCDDEEFF9000'],
    ]);
    const s = new ApduSession(ch, 'card');
    const r = await s.send({ cla: 0, ins: 0x88, p1: 0, p2: 0, data: fromHex('0102030405060708090A0B0C0D0E0F10'), le: 16 }, '内部认证');
    expect(toHex(r.data)).toBe('00112233445566778899AABBCCDDEEFF');
    expect(r.sw).toBe(0x9000);
    expect(s.exchanges).toBe(3);
  });

  it('re-sends with the Le a 6Cxx names', async () => {
    const ch = scripted([
      ['00B2070010', '6C0B'],
      ['00B207000B', '0709453332303530303031' + '9000'],
    ]);
    const r = await new ApduSession(ch, 'card').send({ cla: 0, ins: 0xb2, p1: 7, p2: 0, le: 0x10 }, '读取卡号');
    expect(r.data).toHaveLength(11);
  });

  it('gives up on a card that answers 61xx for ever', async () => {
    const ch: CardChannel = { slot: 'contact', transmit: async () => fromHex('6101') };
    await expect(new ApduSession(ch, 'card').send({ cla: 0, ins: 0xa4, p1: 4, p2: 0, le: 256 }, '选择社保应用')).rejects.toMatchObject({ code: 'SSCARD_BAD_RESPONSE' });
  });

  it('expectOk turns a non-9000 word into the typed error for the PSAM', async () => {
    const ch = scripted([['0084000008', '6A81']]);
    await expect(new ApduSession(ch, 'psam').expectOk({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 8 }, '取随机数')).rejects.toMatchObject({
      code: 'SSCARD_PSAM_FUNCTION_NOT_SUPPORTED',
      message: expect.stringContaining('PSAM 卡取随机数失败'),
    });
  });
});
