import { describe, expect, it } from 'vitest';
import { AREA_POLICIES, areaPolicy } from './area-policies';

describe('training area policies', () => {
  it('cover the seven training insured areas, both insurance types', () => {
    for (const a of ['310000', '320500', '330400', '340100', '510100', '500000', '110000']) {
      const p = areaPolicy(a);
      expect(p, a).toBeDefined();
      expect(p!.employee.account.usable).toBe(true);
      expect(p!.resident.account.usable).toBe(false);
    }
    expect(areaPolicy('440300')).toBeUndefined();
  });

  it('keep every ratio between 0 and 100 % and every amount a non-negative integer', () => {
    for (const p of AREA_POLICIES) {
      for (const t of [p.employee, p.resident]) {
        for (const rule of [t.outpatient, t.inpatient, t.chronic]) {
          for (const r of Object.values(rule.ratioByLevel)) expect(r >= 0 && r <= 10_000).toBe(true);
          expect(Number.isSafeInteger(rule.deductibleFen) && rule.deductibleFen >= 0).toBe(true);
          expect(Number.isSafeInteger(rule.annualCapFen) && rule.annualCapFen > 0).toBe(true);
        }
      }
    }
  });
});
