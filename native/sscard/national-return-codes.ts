// The national card-reading return codes (人社部 PC interface, used by HeaSecReadInfo too;
// devices.md §2). The national library reports failures as these numbers; the APDU path puts the
// same number in AppError.data.returnCode, so both paths speak one language in logs and support.
import { AppError } from '@src/common/errors';
import { statusWordError } from './status-words';

interface ReturnCodeRow {
  code: string;
  message: string;
  hint: string;
}

const REINSERT = '请取出社保卡，确认插入方向正确后重新插卡再读；仍失败请换用其他读卡器。';
const READER = '请检查读卡器连接线和电源，重新插拔后再试；仍失败请联系信息科。';
const PSAM = '请信息科检查读卡器的 PSAM 卡座及社保 PSAM 卡；本次可改用医保电子凭证或身份证就医。';
const PIN = '请持卡人核对社保卡密码；不要反复尝试，以免锁卡。';

const TABLE: Readonly<Record<number, ReturnCodeRow>> = {
  [-1]: { code: 'SSCARD_NOT_SSSE', message: '卡类型不对', hint: '请确认插入的是社会保障卡。' },
  [-2]: { code: 'READER_NO_CARD', message: '读卡器中没有卡', hint: '请将社保卡芯片朝上插入读卡器，插到底后再读。' },
  [-3]: { code: 'READER_CARD_NOT_POWERED', message: '有卡但未上电', hint: REINSERT },
  [-4]: { code: 'READER_CARD_MUTE', message: '卡片无应答', hint: REINSERT },
  [-5]: { code: 'SSCARD_LIBRARY_ERROR', message: '读卡动态库加载错误', hint: '请信息科重新安装医保读卡组件（HeaSecReadInfo）。' },
  [-11]: { code: 'READER_NOT_FOUND', message: '读卡器连接错误', hint: READER },
  [-12]: { code: 'READER_DISCONNECTED', message: '未建立读卡器连接', hint: READER },
  [-13]: { code: 'READER_PROTOCOL', message: '读卡动态库不支持该命令', hint: '请信息科核对读卡组件版本。' },
  [-14]: { code: 'READER_PROTOCOL', message: '发给读卡动态库的参数错误', hint: '请信息科核对读卡组件配置。' },
  [-15]: { code: 'READER_PROTOCOL', message: '读卡器通讯校验和错误', hint: READER },
  [-20]: { code: 'SSCARD_BAD_RECORD', message: '卡识别码格式错误', hint: REINSERT },
  [-21]: { code: 'SSCARD_INTERNAL_AUTH_FAILED', message: '内部认证失败（用户卡不合法）', hint: '请核对持卡人身份；可改用医保电子凭证或身份证就医。' },
  [-22]: { code: 'SSCARD_INCOMPLETE', message: '传入数据与卡内不符', hint: REINSERT },
  [-23]: { code: 'SSCARD_BAD_RECORD', message: '传入数据不合法', hint: REINSERT },
  [-24]: { code: 'SSCARD_PSAM_KEY_LEVEL', message: 'PSAM 卡密钥级别不够', hint: PSAM },
  [-25]: { code: 'SSCARD_INTERNAL_AUTH_FAILED', message: '内部认证与加密机结果不一致', hint: '请核对持卡人身份；可改用医保电子凭证或身份证就医。' },
  [-31]: { code: 'SSCARD_PIN_CANCELLED', message: '用户取消密码输入', hint: PIN },
  [-32]: { code: 'SSCARD_PIN_TIMEOUT', message: '密码输入超时', hint: PIN },
  [-33]: { code: 'SSCARD_PIN_LENGTH', message: '输入密码长度错误', hint: PIN },
  [-34]: { code: 'SSCARD_PIN_MISMATCH', message: '两次输入密码不一致', hint: PIN },
  [-35]: { code: 'SSCARD_PIN_INITIAL', message: '初始密码不能交易', hint: '请持卡人先修改初始密码。' },
  [-36]: { code: 'SSCARD_PIN_INITIAL', message: '不能改为初始密码', hint: PIN },
  [-41]: { code: 'SSCARD_BAD_DATA', message: '运算数据含非法字符', hint: '请信息科核对读卡组件配置。' },
  [-42]: { code: 'SSCARD_BAD_DATA', message: '运算数据长度错误', hint: '请信息科核对读卡组件配置。' },
  [-51]: { code: 'SSCARD_PIN_WRONG', message: '密码错误', hint: PIN },
  [-52]: { code: 'SSCARD_PIN_LOCKED', message: '密码已锁定', hint: '请持卡人到社保经办机构解锁；本次可改用医保电子凭证或身份证就医。' },
  [-2201]: { code: 'SSCARD_PSAM_MISSING', message: '没有 PSAM 卡', hint: PSAM },
  [-2202]: { code: 'SSCARD_PSAM_ALGORITHM_UNSUPPORTED', message: 'PSAM 卡不支持该卡的算法（无 SSF33 或 SM4）', hint: PSAM },
  [-2203]: { code: 'SSCARD_PSAM_NO_RKSSSE', message: 'PSAM 卡内没有 RKSSSE 密钥', hint: PSAM },
  [-2204]: { code: 'SSCARD_HSM_NOT_NEEDED', message: '不需要加密机认证', hint: '请信息科核对读卡组件配置。' },
};

/**
 * The error for a non-zero return code. `libraryMessage` is the text the library wrote into its
 * output buffer (shown after ours: it is often the vendor's more specific wording).
 */
export function nationalReturnCodeError(returnCode: number, libraryMessage: string, source: string): AppError {
  const row = TABLE[returnCode];
  const extra = libraryMessage && !libraryMessage.includes('|') ? `（${libraryMessage.slice(0, 80)}）` : '';
  if (row) {
    return new AppError({ code: row.code, message: `读社保卡失败：${row.message}${extra}`, hint: row.hint, detail: `${source} returned ${returnCode}`, data: { returnCode } });
  }
  // Card status words come back negated (−27266 = −0x6A82); PIN errors as 63Cx.
  if (returnCode < -0x6000 && returnCode >= -0x9fff) {
    const sw = -returnCode;
    const e = statusWordError(sw, '读卡');
    return new AppError({ code: e.code, message: e.message + extra, hint: e.hint, detail: `${source} returned ${returnCode}`, data: { ...e.data, returnCode } });
  }
  return new AppError({
    code: 'SSCARD_LIBRARY_ERROR',
    message: `读社保卡失败：读卡组件返回错误 ${returnCode}${extra}`,
    hint: '请重新读卡；仍失败请信息科查阅读卡组件说明（错误码见日志）。',
    detail: `${source} returned ${returnCode}`,
    data: { returnCode },
  });
}
