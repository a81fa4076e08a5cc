import { describe, expect, it } from 'vitest';
import type { SettlementRecord } from '@src/contract/methods/settlement';
import { settlementLine } from './settlement-command';

describe('yikatong settlements', () => {
  it('lists a settlement on one line with the name masked and amounts in yuan', () => {
    const rec = { id: 7, kind: 'outpatient', state: 'settled', setlId: 'S1', msgid: 'M1', settledAt: '2026-11-23T04:00:00.000Z', patientName: '张伟', idMasked: '320501********0018', operator: 'sy01', figures: { medfee_sumamt: 12_345, psn_cash_pay: 2_000 } } as unknown as SettlementRecord;
    expect(settlementLine(rec)).toBe('#7 2026-11-23T04:00:00.000Z outpatient settled setl_id=S1 msgid=M1 张* 320501********0018 总额 123.45 现金 20.00 sy01');
  });
});
