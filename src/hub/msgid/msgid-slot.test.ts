import { describe, expect, it } from 'vitest';
import { msgidSlotOf } from './msgid-slot';

describe('msgid slot: which two digits of the sequence belong to this terminal', () => {
  it('uses the configured slot', () => {
    expect(msgidSlotOf({ terminalId: 'T01', msgidSlot: 42 })).toEqual({ slot: 42, explicit: true });
  });
  it('derives it from the terminal id\'s trailing digits', () => {
    expect(msgidSlotOf({ terminalId: 'T01' })).toEqual({ slot: 1, explicit: false });
    expect(msgidSlotOf({ terminalId: '收费窗口117' })).toEqual({ slot: 17, explicit: false });
  });
  it('hashes an id without digits to a stable slot', () => {
    const a = msgidSlotOf({ terminalId: 'ward-east' });
    expect(a.slot).toBeGreaterThanOrEqual(0);
    expect(a.slot).toBeLessThan(100);
    expect(msgidSlotOf({ terminalId: 'ward-east' })).toEqual(a);
  });
});
