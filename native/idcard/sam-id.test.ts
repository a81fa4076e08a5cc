import { describe, expect, it } from 'vitest';
import { formatSamId, samIdBytes } from './sam-id';

describe('SAM id', () => {
  it('round-trips the vendor text form and keeps the raw bytes', () => {
    const bytes = samIdBytes('05.01-20101206-0012345678-1234567890');
    expect(bytes.length).toBe(16);
    const id = formatSamId(bytes);
    expect(id.text).toBe('05.01-20101206-0012345678-1234567890');
    expect(id.raw).toHaveLength(32);
  });

  it('shows short answers as hex', () => {
    expect(formatSamId(Uint8Array.of(1, 2))).toEqual({ raw: '0102', text: '0102' });
  });
});
