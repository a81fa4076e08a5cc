// The ID-card reader's errors. Two families:
// - SamvProtocolError: the bytes on the wire are wrong (checksum, length, truncated, timeout).
//   The decoder throws nothing else, which the fuzz test holds it to.
// - the SAM's own status (SW3) answers, mapped in samv-sw3.ts.
import { AppError } from '@src/common/errors';

export type SamvProtocolReason = 'checksum' | 'length' | 'preamble' | 'truncated' | 'timeout' | 'unexpected';

const TEXT: Record<SamvProtocolReason, { code: string; message: string; hint: string }> = {
  checksum: { code: 'IDCARD_BAD_CHECKSUM', message: '身份证读卡器数据校验错误', hint: '请拿开身份证后重新放卡；如反复出现，请检查读卡器连接线和波特率设置。' },
  length: { code: 'IDCARD_BAD_LENGTH', message: '身份证读卡器返回的数据长度不正确', hint: '请拿开身份证后重新放卡；如反复出现，请检查波特率设置或更换读卡器。' },
  preamble: { code: 'IDCARD_BAD_FRAME', message: '身份证读卡器返回的数据格式不正确', hint: '请确认配置的端口连接的是身份证读卡器（GA 467 协议），并检查波特率。' },
  truncated: { code: 'IDCARD_TRUNCATED', message: '身份证读卡器返回的数据不完整', hint: '请不要在读卡过程中移动身份证，拿开后重新放卡。' },
  timeout: { code: 'IDCARD_TIMEOUT', message: '身份证读卡器无响应', hint: '请检查读卡器连接线和电源，确认端口和波特率（默认115200）正确。' },
  unexpected: { code: 'IDCARD_UNEXPECTED_RESPONSE', message: '身份证读卡器返回了无法识别的应答', hint: '请拿开身份证后重新放卡；如反复出现，请联系信息科检查读卡器型号。' },
};

export class SamvProtocolError extends AppError {
  constructor(
    readonly reason: SamvProtocolReason,
    detail: string,
  ) {
    super({ ...TEXT[reason], detail });
    this.name = 'SamvProtocolError';
  }
}
