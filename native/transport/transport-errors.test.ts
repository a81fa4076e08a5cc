import { describe, expect, it } from 'vitest';
import { openFailed } from './transport-errors';

describe('open failures are explained in words IT staff can act on', () => {
  it.each([
    [Object.assign(new Error('Error: No such file or directory, cannot open /dev/ttyUSB9'), { code: 'ENOENT' }), 'DEVICE_NOT_FOUND', '找不到设备'],
    [new Error('Error: Permission denied, cannot open /dev/ttyS0'), 'DEVICE_PERMISSION_DENIED', '没有权限'],
    [new Error('Error Resource temporarily unavailable Cannot lock port'), 'DEVICE_BUSY', '占用'],
    [new Error('something odd'), 'DEVICE_OPEN_FAILED', '无法打开设备'],
  ])('%s → %s', (cause, code, words) => {
    const e = openFailed('/dev/ttyX', cause);
    expect(e.code).toBe(code);
    expect(e.message).toContain(words);
    expect(e.hint).toBeTruthy();
  });
});
