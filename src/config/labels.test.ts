// Validation messages name fields the way IT staff read them: in Chinese, array elements by position.
import { describe, expect, it } from 'vitest';
import { TerminalConfigSchema } from '@src/contract/config';
import { CONFIG_LABELS, labelOf } from './labels';
import { describeConfigIssues } from './config-store';

const isObject = (v: unknown): v is object => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every field path of a parsed configuration, array indices as '*' (a list of plain values is one field). */
function fieldPatterns(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.some(isObject) ? value.flatMap((v) => fieldPatterns(v, `${prefix}.*`)) : [prefix];
  if (isObject(value) && Object.keys(value).length > 0) return Object.entries(value).flatMap(([k, v]) => fieldPatterns(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

describe('labelOf: Chinese names of configuration fields', () => {
  it('names a plain field', () => {
    expect(labelOf('printing.copies')).toBe('票据打印份数');
    expect(labelOf('devices.pollMs')).toBe('设备检测间隔（毫秒）');
  });

  it('names an array element by its position, counting from 1', () => {
    expect(labelOf('devices.readers.0.id')).toBe('第1个设备的设备编号');
    expect(labelOf('devices.readers.2.serial.path')).toBe('第3个设备的串口路径');
    expect(labelOf('devices.readers.11.baudRate')).toBe('第12个设备的波特率');
    expect(labelOf('devices.wedge.terminators.1')).toBe('第2个结束键');
  });

  it('names the element itself, and the array as a whole', () => {
    expect(labelOf('devices.readers.0')).toBe('第1个设备');
    expect(labelOf('devices.readers')).toBe('设备列表');
  });

  it('keeps what it cannot name, so nothing is hidden', () => {
    expect(labelOf('devices.readers.0.options.reader')).toBe('第1个设备的options.reader');
    expect(labelOf('some.list.3.field')).toBe('some.list第4项的field');
    expect(labelOf('unknown.field')).toBe('unknown.field');
    expect(labelOf('')).toBe('');
  });

  it('every field of the configuration, every device type included, has a Chinese name', () => {
    const config = TerminalConfigSchema.parse({
      institution: { code: 'H31010100001', name: '示范医院', kind: 'hospital', level: '3' },
      hub: { url: 'https://hub.example/api', gateway: { scheme: 'csb', apiName: 'a', apiVersion: '1', accessKey: 'k', secretKey: 's' }, ecUrl: 'https://hub.example/ec' },
      terminal: { msgidSlot: 1 },
      devices: {
        readers: [
          { driver: 'samv', id: 'idcard', serial: { path: '/dev/ttyUSB0', vendorId: '0400', productId: 'c35a', serialNumber: 'x' } },
          { driver: 'qr-serial', id: 'qr', serial: { path: 'COM3' } },
          { driver: 'qr-hidpos', id: 'qr-hid', hid: { vendorId: '0c2e', productId: '0b07', path: '/dev/hidraw0', serialNumber: 'y', usagePage: 140 } },
          { driver: 'sscard', id: 'ss', transport: 'pcsc', options: {} },
        ],
      },
    });
    const unnamed = fieldPatterns(config).filter((p) => CONFIG_LABELS[p] === undefined);
    expect(unnamed).toEqual([]);
  });

  it('a configuration error names the field in Chinese', () => {
    const parsed = TerminalConfigSchema.safeParse({ devices: { readers: [{ driver: 'samv', id: 'idcard', serial: { path: '/dev/ttyUSB0' } }, { driver: 'samv', id: 'Bad Id', serial: { path: '/dev/ttyUSB1' }, baudRate: 1234 }] } });
    expect(parsed.success).toBe(false);
    const message = describeConfigIssues(parsed.error!);
    expect(message).toContain('第2个设备的设备编号：设备编号为1–32位小写字母');
    expect(message).toContain('第2个设备的波特率：波特率应为');
    expect(message).not.toMatch(/devices\.readers/);
  });
});
