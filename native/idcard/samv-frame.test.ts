import { describe, expect, it } from 'vitest';
import { CMD } from './samv-commands';
import { SamvProtocolError } from './samv-errors';
import { decodeFrame, encodeRequest, encodeResponse } from './samv-frame';

const hex = (s: string): Uint8Array => Uint8Array.from(s.trim().split(/\s+/).map((b) => Number.parseInt(b, 16)));
const P = 'AA AA AA 96 69';

describe('SAM_V frames are built and checked exactly as GA 467 readers expect', () => {
  it.each([
    ['reset SAM', CMD.resetSam, `${P} 00 03 10 FF EC`],
    ['SAM status', CMD.samStatus, `${P} 00 03 11 FF ED`],
    ['SAM id', CMD.samId, `${P} 00 03 12 FF EE`],
    ['find card', CMD.findCard, `${P} 00 03 20 01 22`],
    ['select card', CMD.selectCard, `${P} 00 03 20 02 21`],
    ['read text + photo', CMD.readText, `${P} 00 03 30 01 32`],
    ['read with fingerprint', CMD.readWithFingerprint, `${P} 00 03 30 10 23`],
    ['read appended address', CMD.readAppendedAddress, `${P} 00 03 30 03 30`],
  ])('%s is %s', (_name, cmd, frame) => {
    expect(encodeRequest(cmd[0], cmd[1])).toEqual(hex(frame));
  });

  it('builds the max-RF-frame command with its data byte', () => {
    expect(encodeRequest(0x61, 0xff, Uint8Array.of(0x50))).toEqual(hex(`${P} 00 04 61 FF 50 CA`));
  });

  it('decodes the documented answers', () => {
    expect(decodeFrame(hex(`${P} 00 04 00 00 90 94`))).toEqual(Uint8Array.of(0, 0, 0x90));
    expect(decodeFrame(hex(`${P} 00 08 00 00 9F 00 00 00 00 97`))).toEqual(Uint8Array.of(0, 0, 0x9f, 0, 0, 0, 0));
    expect(decodeFrame(hex(`${P} 00 04 00 00 80 84`))).toEqual(Uint8Array.of(0, 0, 0x80));
    expect(decodeFrame(hex(`${P} 00 04 00 00 41 45`))[2]).toBe(0x41);
    expect(decodeFrame(hex(`${P} 00 04 00 00 32 36`))[2]).toBe(0x32);
  });

  it('a full text + photo answer is 1295 bytes with LEN 0x0508; with a 1024-byte fingerprint 2321', () => {
    const text = new Uint8Array(4 + 256 + 1024);
    const f = encodeResponse(0, 0, 0x90, text);
    expect(f.length).toBe(1295);
    expect([f[5], f[6]]).toEqual([0x05, 0x08]);
    expect(encodeResponse(0, 0, 0x90, new Uint8Array(6 + 256 + 1024 + 1024)).length).toBe(2321);
    expect(encodeResponse(0, 0, 0x90, new Uint8Array(6 + 256 + 1024)).length).toBe(1297);
  });

  it('refuses a wrong checksum strictly, such as the 0x21 one public test program sends for find-card', () => {
    expect(() => decodeFrame(hex(`${P} 00 03 20 01 21`), 'request')).toThrow(SamvProtocolError);
    expect(() => decodeFrame(hex(`${P} 00 03 20 01 21`), 'request')).toThrow('校验错误');
    expect(decodeFrame(hex(`${P} 00 03 20 01 22`), 'request')).toEqual(Uint8Array.of(0x20, 0x01));
  });

  it('names what is wrong with a malformed frame', () => {
    const reason = (f: Uint8Array): string => {
      try {
        decodeFrame(f);
        return 'ok';
      } catch (e) {
        return (e as SamvProtocolError).reason;
      }
    };
    expect(reason(hex(`${P} 00 04 00 00`))).toBe('truncated');
    expect(reason(hex(`AA AA AA 96 68 00 04 00 00 90 94`))).toBe('preamble');
    expect(reason(hex(`${P} 00 02 00 00 90 94`))).toBe('length');
    expect(reason(hex(`${P} 00 04 00 00 90 94 00`))).toBe('length');
    expect(reason(hex(`${P} 00 05 00 00 90 94`))).toBe('truncated');
  });
});
