import { describe, expect, it } from 'vitest';
import { positiveIntegerOption } from './positive-integer-option';

describe('a benchmark size option', () => {
  it('takes the value after the flag, or the default when the flag is absent', () => {
    expect(positiveIntegerOption(['--calls', '250'], '--calls', 1000)).toBe(250);
    expect(positiveIntegerOption(['--json'], '--calls', 1000)).toBe(1000);
  });

  it('refuses anything but a positive integer, naming the flag', () => {
    for (const bad of ['0', '-5', '1.5', 'many']) expect(() => positiveIntegerOption(['--reads', bad], '--reads', 1)).toThrow('--reads must be a positive integer');
    expect(() => positiveIntegerOption(['--reads'], '--reads', 1)).toThrow('--reads must be a positive integer');
  });
});
