import { describe, expect, it } from 'vitest';
import { checkOfflineLimits } from './offline-limits';
import { DEFAULT_OFFLINE_POLICY, type OfflinePolicy } from './offline-policy';

const policy: OfflinePolicy = { ...DEFAULT_OFFLINE_POLICY, enabled: true, limits: { perSettlementFen: 50_000, outstandingAmountFen: 100_000, outstandingCount: 3 } };

describe('checkOfflineLimits (floor limits: past them only self-pay)', () => {
  it('refuses when the hospital has not enabled offline settlement', () => {
    expect(checkOfflineLimits(DEFAULT_OFFLINE_POLICY, 100, { count: 0, amountFen: 0 })).toMatchObject({ allowed: false, limit: 'disabled' });
  });
  it('allows up to each limit and refuses past it, saying which', () => {
    expect(checkOfflineLimits(policy, 50_000, { count: 2, amountFen: 50_000 })).toEqual({ allowed: true });
    expect(checkOfflineLimits(policy, 50_001, { count: 0, amountFen: 0 })).toMatchObject({ allowed: false, limit: 'perSettlement', reason: expect.stringContaining('500.01') });
    expect(checkOfflineLimits(policy, 100, { count: 3, amountFen: 0 })).toMatchObject({ allowed: false, limit: 'outstandingCount' });
    expect(checkOfflineLimits(policy, 100, { count: 1, amountFen: 99_950 })).toMatchObject({ allowed: false, limit: 'outstandingAmount', reason: expect.stringContaining('自费') });
  });
});
