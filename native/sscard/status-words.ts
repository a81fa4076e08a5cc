// ISO 7816-4 status words as the social security card returns them, each mapped to a typed error.
//
// Why one table: the national return-code convention (devices.md §2, 人社部 PC interface) negates
// the card's status word (6A82 → −27266), so the same row gives the cashier a Chinese sentence,
// the log a stable code and the HeaSecReadInfo path the number a hospital's IT staff will search
// for. 61xx and 6Cxx never reach this table: the APDU session resolves them (apdu-session.ts).
import { AppError } from '@src/common/errors';

export interface StatusWordMeaning {
  /** Stable code, SSCARD_*. */
  code: string;
  /** Chinese, what the card said. */
  meaning: string;
  /** Chinese, what to do next. */
  hint: string;
}

const RETRY_CARD = '请取出社保卡，确认插入方向正确后重新插卡再读；仍失败请换用其他读卡器或联系发卡机构。';
const CARD_LOCKED = '该卡已被锁定，请持卡人到社保经办机构处理；本次可改用医保电子凭证或身份证就医。';

const EXACT: Readonly<Record<number, StatusWordMeaning>> = {
  0x6281: { code: 'SSCARD_DATA_CORRUPTED', meaning: '卡内数据可能已损坏', hint: RETRY_CARD },
  0x6700: { code: 'SSCARD_WRONG_LENGTH', meaning: 'Lc/Le 长度不正确', hint: RETRY_CARD },
  0x6581: { code: 'SSCARD_MEMORY_FAILURE', meaning: '卡片存储器故障', hint: '该卡可能已损坏，请持卡人到社保经办机构补换卡；本次可改用医保电子凭证或身份证就医。' },
  0x6981: { code: 'SSCARD_FILE_STRUCTURE', meaning: '命令与文件结构不相符', hint: RETRY_CARD },
  0x6982: {
    code: 'SSCARD_SECURITY_NOT_SATISFIED',
    meaning: '不满足安全条件（该卡需要先完成 PSAM 认证）',
    hint: '三代社保卡读取个人信息需要 PSAM 卡：请确认读卡器的 PSAM 卡座已插入社保 PSAM 卡。',
  },
  0x6983: { code: 'SSCARD_AUTH_BLOCKED', meaning: '认证密钥已锁定', hint: CARD_LOCKED },
  0x6984: { code: 'SSCARD_REFERENCE_INVALID', meaning: '引用数据无效（随机数无效）', hint: RETRY_CARD },
  0x6985: { code: 'SSCARD_CONDITIONS_NOT_SATISFIED', meaning: '不满足使用条件', hint: RETRY_CARD },
  0x6986: { code: 'SSCARD_COMMAND_NOT_ALLOWED', meaning: '命令不被接受（卡片状态无效）', hint: RETRY_CARD },
  0x6988: { code: 'SSCARD_SECURE_MESSAGING', meaning: '安全报文数据项不正确', hint: RETRY_CARD },
  0x6a80: { code: 'SSCARD_BAD_DATA', meaning: '数据域参数不正确', hint: RETRY_CARD },
  0x6a81: { code: 'SSCARD_FUNCTION_NOT_SUPPORTED', meaning: '卡片不支持该功能或应用已锁定', hint: CARD_LOCKED },
  0x6a82: { code: 'SSCARD_FILE_NOT_FOUND', meaning: '卡内未找到所需文件', hint: RETRY_CARD },
  0x6a83: { code: 'SSCARD_RECORD_NOT_FOUND', meaning: '卡内未找到所需记录', hint: RETRY_CARD },
  0x6a86: { code: 'SSCARD_WRONG_P1P2', meaning: '参数 P1、P2 不正确', hint: RETRY_CARD },
  0x6a88: { code: 'SSCARD_KEY_NOT_FOUND', meaning: '未找到引用数据或密钥', hint: RETRY_CARD },
  0x6b00: { code: 'SSCARD_WRONG_P1P2', meaning: '参数 P1、P2 不正确', hint: RETRY_CARD },
  0x6d00: { code: 'SSCARD_INS_NOT_SUPPORTED', meaning: '卡片不支持该命令', hint: RETRY_CARD },
  0x6e00: { code: 'SSCARD_CLA_NOT_SUPPORTED', meaning: '卡片不支持该命令类别（CLA 错）', hint: RETRY_CARD },
  0x6f00: { code: 'SSCARD_CARD_ERROR', meaning: '卡片内部错误', hint: RETRY_CARD },
  0x9303: { code: 'SSCARD_APPLICATION_LOCKED', meaning: '应用已被永久锁定', hint: CARD_LOCKED },
};

export const SW_OK = 0x9000;

export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}

/** The meaning of a status word other than 9000/61xx/6Cxx. */
export function statusWordMeaning(sw: number): StatusWordMeaning {
  const exact = EXACT[sw];
  if (exact) return exact;
  if ((sw & 0xfff0) === 0x63c0) {
    const left = sw & 0x0f;
    return {
      code: 'SSCARD_AUTH_FAILED',
      meaning: `认证失败，剩余可尝试 ${left} 次`,
      hint: left === 0 ? CARD_LOCKED : '请确认 PSAM 卡与该社保卡属于同一发卡体系；不要反复重试，以免锁卡。',
    };
  }
  return { code: 'SSCARD_UNEXPECTED_STATUS', meaning: `卡片返回了无法识别的状态字 ${swHex(sw)}`, hint: RETRY_CARD };
}

/** The national interface's return code for a card status word: the status word, negated. */
export function returnCodeForStatusWord(sw: number): number {
  return -sw;
}

/**
 * The error for a status word returned during `step` (Chinese, e.g. "读取 EF05 卡号").
 * `device` tells whether the社保卡 or the PSAM said it, so the cashier knows which card to check.
 */
export function statusWordError(sw: number, step: string, device: 'card' | 'psam' = 'card'): AppError {
  const m = statusWordMeaning(sw);
  const who = device === 'card' ? '社保卡' : 'PSAM 卡';
  return new AppError({
    code: device === 'card' ? m.code : m.code.replace(/^SSCARD_/, 'SSCARD_PSAM_'),
    message: `${who}${step}失败：${m.meaning}（状态字 ${swHex(sw)}）`,
    hint: m.hint,
    detail: `${device} returned SW ${swHex(sw)} during ${step}`,
    data: { sw: swHex(sw), step, device, returnCode: returnCodeForStatusWord(sw) },
  });
}
