import { describe, expect, it } from 'vitest';
import { DEFAULT_DIALECT_ID, dialectById } from './dialects';

describe('reader dialect registry', () => {
  it('finds the reference dialect by id and by default', () => {
    expect(dialectById('ykt-ref').id).toBe('ykt-ref');
    expect(dialectById().id).toBe(DEFAULT_DIALECT_ID);
  });

  it('names the available dialects when the configured one is unknown', () => {
    expect(() => dialectById('decard-x')).toThrow(expect.objectContaining({ code: 'READER_DIALECT_UNKNOWN', hint: expect.stringContaining('ykt-ref') }));
  });
});
