// Errors every APDU reader driver raises, whatever its transport: the cashier sees the same
// sentence for "no card" from a PC/SC reader, a serial reader or the national library.
// data.returnCode follows the national interface's numbering (devices.md §2).
import { AppError } from '@src/common/errors';
import { type SlotId, slotLabel } from './slots';

const CHECK_CABLE = '请检查读卡器的 USB 线是否插好（可拔下后重新插入），并在"设置 → 设备"中确认选择了正确的读卡器。';

export function readerNotFound(reader: string, detail?: string): AppError {
  return new AppError({
    code: 'READER_NOT_FOUND',
    message: `未找到读卡器"${reader}"`,
    hint: CHECK_CABLE,
    detail: detail ?? `reader ${reader} not found`,
    data: { reader, returnCode: -11 },
  });
}

export function readerDisconnected(reader: string, detail?: string): AppError {
  return new AppError({
    code: 'READER_DISCONNECTED',
    message: `读卡器"${reader}"的连接已断开`,
    hint: CHECK_CABLE,
    detail: detail ?? `reader ${reader} disconnected`,
    data: { reader, returnCode: -12 },
  });
}

export function noCard(slot: SlotId, detail?: string): AppError {
  return new AppError({
    code: 'READER_NO_CARD',
    message: slot === 'contactless' ? '感应区上没有卡' : `读卡器${slotLabel(slot)}中没有卡`,
    hint: slot === 'contactless' ? '请将卡片平放在读卡器感应区上，读完前不要移开。' : '请将社保卡芯片朝上、朝里插入读卡器，插到底后再读。',
    detail: detail ?? `no card in ${slot}`,
    data: { slot, returnCode: -2 },
  });
}

export function cardRemoved(slot: SlotId, detail?: string): AppError {
  return new AppError({
    code: 'READER_CARD_REMOVED',
    message: '读卡过程中卡片被取出',
    hint: '请重新插卡，听到提示音或看到读卡完成后再取卡。',
    detail: detail ?? `card removed from ${slot} during a read`,
    data: { slot, returnCode: -2 },
  });
}

export function cardMute(slot: SlotId, detail?: string): AppError {
  return new AppError({
    code: 'READER_CARD_MUTE',
    message: '卡片无应答',
    hint: '请取出卡片，擦拭芯片后重新插入；仍无应答说明卡片可能损坏，可改用医保电子凭证或身份证。',
    detail: detail ?? `card in ${slot} does not answer`,
    data: { slot, returnCode: -4 },
  });
}

export function readerTimeout(reader: string, detail?: string): AppError {
  return new AppError({
    code: 'READER_TIMEOUT',
    message: `读卡器"${reader}"没有响应`,
    hint: '请拔下读卡器 USB 线，等 5 秒后重新插入再试；仍无响应请联系信息科。',
    detail: detail ?? `reader ${reader} timed out`,
    data: { reader, returnCode: -4 },
  });
}

export function readerProtocolError(reader: string, detail: string): AppError {
  return new AppError({
    code: 'READER_PROTOCOL',
    message: `读卡器"${reader}"返回的数据有误`,
    hint: '请重新读卡；反复出现请在"设置 → 设备"中核对读卡器型号与通讯方式（串口/HID），或联系信息科。',
    detail,
    data: { reader, returnCode: -15 },
  });
}

export function slotUnsupported(reader: string, slot: SlotId): AppError {
  return new AppError({
    code: 'READER_SLOT_UNSUPPORTED',
    message: `读卡器"${reader}"没有${slotLabel(slot)}`,
    hint: '请在"设置 → 设备"中核对读卡器配置，或换用带该卡座的读卡器。',
    detail: `reader ${reader} has no slot ${slot}`,
    data: { reader, slot, returnCode: -13 },
  });
}

export function readerBusy(reader: string, detail?: string): AppError {
  return new AppError({
    code: 'READER_BUSY',
    message: `读卡器"${reader}"正被其他程序占用`,
    hint: '请关闭其他读卡程序（如医保控件、读卡测试工具）后重试。',
    detail: detail ?? `reader ${reader} is in use by another program`,
    data: { reader, returnCode: -11 },
  });
}

export function pcscServiceDown(detail?: string): AppError {
  return new AppError({
    code: 'READER_SERVICE_DOWN',
    message: '智能卡服务（PC/SC）未运行',
    hint: 'Windows：在"服务"中启动"Smart Card"服务；Linux：请信息科运行 systemctl start pcscd。',
    detail: detail ?? 'PC/SC service not running',
    data: { returnCode: -11 },
  });
}

export function readerNotOpen(reader: string): AppError {
  return new AppError({
    code: 'READER_NOT_OPEN',
    message: `读卡器"${reader}"尚未打开`,
    hint: '请稍候再试；仍失败请重启终端程序。',
    detail: `reader ${reader} used before open()`,
    data: { reader, returnCode: -12 },
  });
}

export function cardNotPowered(slot: SlotId): AppError {
  return new AppError({
    code: 'READER_CARD_NOT_POWERED',
    message: '卡片尚未上电',
    hint: '请重新读卡；仍失败请拔插读卡器后再试。',
    detail: `transmit to ${slot} before power on`,
    data: { slot, returnCode: -3 },
  });
}
