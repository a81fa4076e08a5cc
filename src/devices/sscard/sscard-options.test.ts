import { describe, expect, it } from 'vitest';
import { parseSscardSettings } from './sscard-options';

describe('社保卡 reader options', () => {
  it('fills defaults per transport', () => {
    expect(parseSscardSettings('pcsc', { reader: 'Smart_Card_Reader' })).toEqual({
      transport: 'pcsc',
      options: { reader: 'Smart_Card_Reader', cardSlot: 'contact', psamSlot: 'psam1', pollMs: 400 },
    });
    expect(parseSscardSettings('serial', { serial: { path: '/dev/ttyUSB0' } }).options).toMatchObject({ baudRate: 115200, dialect: 'ykt-ref' });
    expect(parseSscardSettings('hid', { hid: { vendorId: '257b', productId: '3031' } }).options).toMatchObject({ reportSize: 64, dialect: 'ykt-ref' });
    expect(parseSscardSettings('heasec', {}).options).toMatchObject({ encoding: 'auto', init: {}, timeoutMs: 20_000 });
  });

  it('a counter without PSAM says so with psamSlot null', () => {
    expect(parseSscardSettings('serial', { serial: { path: 'COM3' }, psamSlot: null }).options).toMatchObject({ psamSlot: null });
  });

  it('rejects bad options with a Chinese message naming the field', () => {
    expect(() => parseSscardSettings('pcsc', {})).toThrow(expect.objectContaining({ code: 'SSCARD_CONFIG_INVALID', message: expect.stringContaining('reader') }));
    expect(() => parseSscardSettings('serial', { serial: { path: '/dev/ttyS0' }, dialect: 'decard-x' })).toThrow(expect.objectContaining({ message: expect.stringContaining('ykt-ref') }));
    expect(() => parseSscardSettings('serial', { serial: { path: '/dev/ttyS0' }, baudRate: 1200 })).toThrow(expect.objectContaining({ message: expect.stringContaining('波特率') }));
    expect(() => parseSscardSettings('hid', { hid: { path: '/dev/hidraw0' }, extra: 1 })).toThrow(expect.objectContaining({ code: 'SSCARD_CONFIG_INVALID' }));
    expect(() => parseSscardSettings('bluetooth', {})).toThrow(expect.objectContaining({ message: expect.stringContaining('bluetooth') }));
  });
});
