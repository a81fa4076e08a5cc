import { describe, expect, it } from 'vitest';
import type { SettlementProgress } from '@src/contract/methods/settlement';
import { Chain } from './chain';

describe('chain', () => {
  it('announces each step with the budget and what is left of it, and done at the end', () => {
    const seen: SettlementProgress[] = [];
    const c = new Chain('outpatient', 'op-1', { code: 'sy01', name: '王小红' }, 10_000, (p) => seen.push(p));
    c.step('register');
    c.step('uploadFees', '3条');
    c.done();
    expect(seen.map((s) => s.label)).toEqual(['门诊挂号（2201）', '上传费用明细：3条', '完成']);
    expect(seen.every((s) => s.budgetMs === 10_000 && s.remainingMs <= 10_000 && s.operationId === 'op-1')).toBe(true);
    expect(seen.at(-1)!.done).toBe(true);
  });
});
