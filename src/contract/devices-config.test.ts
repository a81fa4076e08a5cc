import { describe, expect, it } from 'vitest';
import { TerminalConfigSchema } from './config';
import { DEFAULT_DEVICES_CONFIG, DevicesConfigSchema } from './devices-config';

describe('the devices configuration section', () => {
  it('defaults: no readers, keyboard wedge on with documented thresholds', () => {
    expect(TerminalConfigSchema.parse({}).devices).toEqual(DEFAULT_DEVICES_CONFIG);
    expect(DEFAULT_DEVICES_CONFIG.wedge).toMatchObject({ minLength: 8, maxGapMs: 60, maxMedianGapMs: 25 });
  });

  it('fills each driver\'s defaults: SAM_V at 115200, serial scanners CR-terminated at 9600', () => {
    const c = DevicesConfigSchema.parse({ readers: [{ driver: 'samv', id: 'idcard', serial: { path: '/dev/ttyUSB0' } }, { driver: 'qr-serial', id: 'scan', serial: { path: 'COM3' } }] });
    expect(c.readers[0]).toMatchObject({ label: '身份证读卡器', baudRate: 115200, pollMs: 300, fingerprint: false, enabled: true });
    expect(c.readers[1]).toMatchObject({ baudRate: 9600, suffix: 'CR', encoding: 'utf8' });
  });

  it('refuses bad entries with Chinese messages', () => {
    const message = (input: unknown): string => {
      const r = DevicesConfigSchema.safeParse(input);
      return r.success ? '' : r.error.issues.map((i) => i.message).join('；');
    };
    expect(message({ readers: [{ driver: 'samv', id: 'idcard', serial: {} }] })).toContain('请填写端口路径');
    expect(message({ readers: [{ driver: 'samv', id: 'idcard', serial: { path: 'COM3' }, baudRate: 12345 }] })).toContain('波特率应为');
    expect(message({ readers: [{ driver: 'samv', id: 'Bad Id', serial: { path: 'COM3' } }] })).toContain('设备编号');
    expect(message({ readers: [{ driver: 'qr-serial', id: 'a', serial: { path: 'COM3' } }, { driver: 'qr-serial', id: 'a', serial: { path: 'COM4' } }] })).toContain('设备编号不能重复');
    expect(message({ readers: [{ driver: 'qr-serial', id: 'a', serial: { path: 'COM3' }, suffix: 'HEX:0' }] })).toContain('后缀');
    expect(message({ readers: [{ driver: 'qr-hidpos', id: 'h', hid: { vendorId: 'zz', productId: '0b8f' } }] })).toContain('USB 编号');
    expect(message({ eVoucherPattern: '(' })).toContain('正则表达式');
    expect(message({ ecBusinessType: '123' })).toContain('业务类型');
  });
});
