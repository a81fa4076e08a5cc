// SW3, the SAM's own status byte, mapped to what the cashier should read and do.
// Codes from devices.md §1 (libsamv.h, vendor protocol copies). The messages are the terminal's:
// short, say what happened, then what to do.
import { AppError } from '@src/common/errors';
import { hex } from './samv-frame';

export const SW3 = {
  ok: 0x90,
  findOk: 0x9f,
  noContent: 0x91,
  checksum: 0x10,
  length: 0x11,
  command: 0x21,
  notPermitted: 0x23,
  unknown: 0x24,
  cardAuthFailed: 0x31,
  samAuthFailed: 0x32,
  verifyFailed: 0x33,
  unknownCardType: 0x40,
  readFailed: 0x41,
  randomFailed: 0x47,
  samSelfTest: 0x60,
  samUnauthorised: 0x66,
  findFailed: 0x80,
  selectFailed: 0x81,
  commFailure: 0xff,
} as const;

interface Sw3Text {
  code: string;
  message: string;
  hint: string;
}

const REPLACE_CARD = '请拿开身份证，平放在读卡器感应区后重新读卡。';

export const SW3_TEXT: Readonly<Record<number, Sw3Text>> = {
  [SW3.noContent]: { code: 'IDCARD_NO_CONTENT', message: '此项无内容', hint: '该证件没有此项信息，可继续办理。' },
  [SW3.checksum]: { code: 'IDCARD_READER_CHECKSUM', message: '读卡器收到的命令校验错误', hint: '请检查读卡器连接线和波特率设置后重试。' },
  [SW3.length]: { code: 'IDCARD_READER_LENGTH', message: '读卡器收到的命令长度错误', hint: '请检查读卡器连接线和波特率设置后重试。' },
  [SW3.command]: { code: 'IDCARD_READER_COMMAND', message: '读卡器不支持该命令', hint: '请确认读卡器为公安部标准（GA 467）身份证阅读器。' },
  [SW3.notPermitted]: { code: 'IDCARD_READER_NOT_PERMITTED', message: '读卡器拒绝了该操作（越权）', hint: '请联系信息科检查读卡器设置。' },
  [SW3.unknown]: { code: 'IDCARD_READER_UNKNOWN', message: '读卡器发生未知错误', hint: '请重新插拔读卡器后重试。' },
  [SW3.cardAuthFailed]: { code: 'IDCARD_CARD_AUTH_FAILED', message: '身份证认证失败', hint: '请确认是第二代居民身份证，' + REPLACE_CARD },
  [SW3.samAuthFailed]: { code: 'IDCARD_SAM_AUTH_FAILED', message: '读卡器无法认证此身份证', hint: '请确认是第二代居民身份证，' + REPLACE_CARD },
  [SW3.verifyFailed]: { code: 'IDCARD_VERIFY_FAILED', message: '身份证信息校验失败', hint: REPLACE_CARD + '如仍失败，证件可能已损坏，请改用社保卡或医保电子凭证。' },
  [SW3.unknownCardType]: { code: 'IDCARD_UNKNOWN_CARD', message: '无法识别的卡片', hint: '请放置第二代居民身份证；社保卡请放在社保卡读卡器上。' },
  [SW3.readFailed]: { code: 'IDCARD_READ_FAILED', message: '读卡失败，请重新放卡', hint: REPLACE_CARD },
  [SW3.randomFailed]: { code: 'IDCARD_RANDOM_FAILED', message: '读卡失败（取随机数失败）', hint: REPLACE_CARD },
  [SW3.samSelfTest]: { code: 'IDCARD_SAM_SELFTEST', message: '读卡器安全模块自检失败', hint: '请重新插拔读卡器；如仍失败，请联系信息科更换读卡器。' },
  [SW3.samUnauthorised]: { code: 'IDCARD_SAM_UNAUTHORISED', message: '读卡器安全模块未授权', hint: '请联系读卡器厂商或信息科处理授权。' },
  [SW3.findFailed]: { code: 'IDCARD_NO_CARD', message: '请放卡', hint: '请将身份证平放在读卡器感应区。' },
  [SW3.selectFailed]: { code: 'IDCARD_SELECT_FAILED', message: '选卡失败，请重新放卡', hint: REPLACE_CARD },
  [SW3.commFailure]: { code: 'IDCARD_COMM_FAILURE', message: '读卡器通讯失败', hint: '请检查读卡器连接线后重试。' },
};

/** The AppError for a non-success SW3 (also for codes the table does not know). */
export function sw3Error(sw3: number, during: string): AppError {
  const text = SW3_TEXT[sw3] ?? { code: 'IDCARD_READER_STATUS', message: `读卡器返回未知状态 ${hex(sw3)}`, hint: '请重新放卡；如反复出现，请联系信息科并告知此状态码。' };
  return new AppError({ ...text, detail: `SW3 ${hex(sw3)} during ${during}`, data: { sw3 } });
}
