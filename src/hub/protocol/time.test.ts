import { describe, expect, it } from 'vitest';
import { addSecondsToStamp, formatInfTime, formatRespondTime, formatStamp, formatWireDate, parseInfTime, parseStamp } from './time';

describe('interface time stamps are China time whatever the machine zone', () => {
  const instant = new Date('2024-02-29T16:30:05.123Z'); // 2024-03-01 00:30:05.123 in Beijing

  it('formats the four shapes the interface uses', () => {
    expect(formatInfTime(instant)).toBe('2024-03-01 00:30:05');
    expect(formatWireDate(instant)).toBe('2024-03-01');
    expect(formatStamp(instant)).toBe('20240301003005');
    expect(formatRespondTime(instant)).toBe('20240301003005123');
  });

  it('parses stamps and inf_time back to the same instant (to the second)', () => {
    expect(parseStamp('20240301003005').toISOString()).toBe('2024-02-29T16:30:05.000Z');
    expect(parseInfTime('2024-03-01 00:30:05').toISOString()).toBe('2024-02-29T16:30:05.000Z');
    expect(() => parseStamp('20240230120000')).toThrow(RangeError);
  });

  it('adds seconds across minute and day boundaries', () => {
    expect(addSecondsToStamp('20241231235959', 1)).toBe('20250101000000');
  });
});
