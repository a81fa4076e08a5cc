import { describe, expect, it } from 'vitest';
import { chronicDiseaseByKey } from '@src/training/catalog/code-tables';
import { addMonths, checkChronicFiling, checkCrossProvinceFiling, filingEndDate, isCrossProvince, type CrossProvinceFiling } from './filing-rules';

const filing = (over: Partial<CrossProvinceFiling>): CrossProvinceFiling => ({ kind: 'temporary', begndate: '2026-01-10', enddate: '2026-07-09', mdtrtareaAdmdvs: '310000', revoked: false, ...over });
const check = (filings: CrossProvinceFiling[], visitDate = '2026-03-01', insuredArea = '340100') => checkCrossProvinceFiling({ insuredArea, treatmentArea: '310000', visitDate, filings });

describe('filing rules', () => {
  it('adds months, clamping to the end of the month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-01-10', 6)).toBe('2026-07-10');
  });

  it('keeps long-term filings open-ended and temporary ones 6 months', () => {
    expect(filingEndDate('longTermResident', '2020-01-01')).toBeNull();
    expect(filingEndDate('retiredResettled', '2020-01-01')).toBeNull();
    expect(filingEndDate('postedWorker', '2020-01-01')).toBeNull();
    expect(filingEndDate('temporary', '2026-01-10')).toBe('2026-07-09');
    expect(filingEndDate('referral', '2026-01-10')).toBe('2026-07-09');
  });

  it('compares provinces by the first two digits', () => {
    expect(isCrossProvince('310000', '310000')).toBe(false);
    expect(isCrossProvince('320500', '310000')).toBe(true);
  });

  it('lets local patients through without a filing', () => {
    expect(check([], '2026-03-01', '310000')).toEqual({ ok: true, status: 'local' });
  });

  it('refuses a cross-province patient without a filing, naming the missing filing', () => {
    const v = check([]);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.errMsg).toContain('参保人未办理跨省异地就医备案');
  });

  it('accepts a filing in force and reports the benefit group', () => {
    expect(check([filing({})])).toMatchObject({ ok: true, status: 'temporary' });
    expect(check([filing({ kind: 'longTermResident', enddate: null })])).toMatchObject({ ok: true, status: 'longTerm' });
    expect(check([filing({ kind: 'referral' })])).toMatchObject({ ok: true, status: 'referral' });
  });

  it('refuses an expired filing, one not yet begun, a revoked one and one for another treatment area', () => {
    const expired = check([filing({})], '2026-07-10');
    expect(!expired.ok && expired.errMsg).toMatch(/已过期/);
    const early = check([filing({})], '2026-01-09');
    expect(!early.ok && early.errMsg).toMatch(/起生效/);
    expect(check([filing({ revoked: true })]).ok).toBe(false);
    const elsewhere = check([filing({ mdtrtareaAdmdvs: '110000' })]);
    expect(!elsewhere.ok && elsewhere.errMsg).toMatch(/备案就医地/);
  });

  it('checks the visit start date: an admission inside the validity is valid whatever the discharge date', () => {
    expect(check([filing({})], '2026-07-09').ok).toBe(true);
  });

  it('needs a chronic-disease filing per disease', () => {
    const filings = [{ disease: 'hypertension' as const, begndate: '2020-01-01', enddate: null }];
    expect(checkChronicFiling({ disease: chronicDiseaseByKey('hypertension'), visitDate: '2026-01-01', filings }).ok).toBe(true);
    const diabetes = checkChronicFiling({ disease: chronicDiseaseByKey('diabetes'), visitDate: '2026-01-01', filings });
    expect(!diabetes.ok && diabetes.errMsg).toContain('未办理门诊慢特病（糖尿病）备案');
  });
});
