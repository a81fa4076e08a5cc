// The errors a transport raises, with what the cashier or IT staff should do about them.
//
// OS error codes are translated here once, so every driver reports "permission denied on
// /dev/ttyUSB0" the same way (Linux: dialout group; Windows: another program holds the port).
import { AppError } from '@src/common/errors';

export const TransportErrorCode = {
  notOpen: 'DEVICE_NOT_OPEN',
  openFailed: 'DEVICE_OPEN_FAILED',
  notFound: 'DEVICE_NOT_FOUND',
  permission: 'DEVICE_PERMISSION_DENIED',
  busy: 'DEVICE_BUSY',
  writeFailed: 'DEVICE_WRITE_FAILED',
  lost: 'DEVICE_LOST',
} as const;

function osCode(cause: unknown): string | undefined {
  if (cause && typeof cause === 'object' && 'code' in cause && typeof (cause as { code: unknown }).code === 'string') return (cause as { code: string }).code;
  const message = cause instanceof Error ? cause.message : String(cause);
  const m = /\b(ENOENT|EACCES|EPERM|EBUSY|EIO|ENXIO|ENODEV)\b/.exec(message);
  if (m) return m[1];
  if (/Access denied|Permission denied/i.test(message)) return 'EACCES';
  if (/cannot open device|No such file|File not found/i.test(message)) return 'ENOENT';
  if (/Resource busy|Cannot lock port/i.test(message)) return 'EBUSY';
  return undefined;
}

function detailOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** Opening `path` failed: say why in words IT staff can act on. */
export function openFailed(path: string, cause: unknown): AppError {
  const code = osCode(cause);
  const detail = `open ${path}: ${detailOf(cause)}`;
  switch (code) {
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return new AppError({ code: TransportErrorCode.notFound, message: `找不到设备 ${path}`, hint: '请检查设备是否已插好、端口名称是否正确（yikatong devices list 可列出本机端口）。', detail, cause });
    case 'EACCES':
    case 'EPERM':
      return new AppError({
        code: TransportErrorCode.permission,
        message: `没有权限打开 ${path}`,
        hint: 'Linux：请把当前用户加入 dialout 组（串口）或配置 udev 规则（HID）后重新登录；Windows：请确认没有其他程序占用该设备。',
        detail,
        cause,
      });
    case 'EBUSY':
      return new AppError({ code: TransportErrorCode.busy, message: `设备 ${path} 正被其他程序占用`, hint: '请关闭读卡器厂商的工具或其他收费程序后重试。', detail, cause });
    default:
      return new AppError({ code: TransportErrorCode.openFailed, message: `无法打开设备 ${path}`, hint: '请重新插拔设备后重试；如仍失败，请运行 yikatong doctor 并联系信息科。', detail, cause });
  }
}

export function notOpen(id: string): AppError {
  return new AppError({ code: TransportErrorCode.notOpen, message: '设备未连接', hint: '请检查设备连接；终端会在设备插好后自动重新连接。', detail: `${id} is not open` });
}

export function writeFailed(id: string, cause: unknown): AppError {
  return new AppError({ code: TransportErrorCode.writeFailed, message: '向设备发送数据失败', hint: '设备可能已被拔出：请检查连接线后重试。', detail: `write ${id}: ${detailOf(cause)}`, cause });
}

export function deviceLost(id: string, cause?: unknown): AppError {
  return new AppError({
    code: TransportErrorCode.lost,
    message: '设备连接已断开',
    hint: '请检查设备连接线；终端会在设备插好后自动重新连接。',
    detail: `${id} lost${cause === undefined ? '' : `: ${detailOf(cause)}`}`,
    ...(cause === undefined ? {} : { cause }),
  });
}
