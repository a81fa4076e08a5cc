import { describe, expect, it } from 'vitest';
import { SamvProtocolError } from './samv-errors';
import { buildReadData, parseReadData } from './samv-read-response';

describe('read answers carry declared lengths that must add up', () => {
  const text = new Uint8Array(256).fill(0x20);
  const photo = new Uint8Array(1024).fill(7);

  it('splits text and photo (30 01)', () => {
    const r = parseReadData(buildReadData(text, photo), false);
    expect(r.text.length).toBe(256);
    expect(r.photo[0]).toBe(7);
    expect(r.fingerprint).toBeUndefined();
  });

  it('splits text, photo and fingerprint (30 10), for 1024, 512 and no fingerprint', () => {
    for (const n of [1024, 512]) expect(parseReadData(buildReadData(text, photo, new Uint8Array(n)), true).fingerprint?.length).toBe(n);
    expect(parseReadData(buildReadData(text, photo, new Uint8Array(0)), true).fingerprint).toBeUndefined();
  });

  it('refuses answers whose lengths do not match', () => {
    const data = buildReadData(text, photo);
    expect(() => parseReadData(data.slice(0, 1000), false)).toThrow(SamvProtocolError);
    expect(() => parseReadData(buildReadData(text, photo, new Uint8Array(100)), true)).toThrow(SamvProtocolError);
    expect(() => parseReadData(Uint8Array.of(1), false)).toThrow(SamvProtocolError);
  });
});
