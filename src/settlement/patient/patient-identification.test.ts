import { describe, expect, it } from 'vitest';
import { HubBusinessError } from '@src/hub/errors';
import { filingRefusal, isCrossProvince } from './patient-identification';

describe('patient identification rules', () => {
  it('calls a patient cross-province when the first two digits of the areas differ', () => {
    expect(isCrossProvince('320500', '310000')).toBe(true);
    expect(isCrossProvince('310000', '310000')).toBe(false);
    expect(isCrossProvince('310115', '310000')).toBe(false);
  });

  it('turns the hub refusals that name a filing into next steps for the cashier', () => {
    const refusal = (msg: string) => new HubBusinessError({ infno: '2201', msgid: 'm', sideEffect: true } as never, -1, msg);
    expect(filingRefusal(refusal('参保人未办理跨省异地就医备案，不能直接结算'))?.code).toBe('SETTLEMENT_FILING_MISSING');
    expect(filingRefusal(refusal('参保人跨省异地就医备案（临时外出就医，2026-01-01至2026-06-30）已过期'))?.hint).toContain('重新办理备案');
    expect(filingRefusal(refusal('其他错误'))).toBeUndefined();
    expect(filingRefusal(new Error('x'))).toBeUndefined();
  });
});
