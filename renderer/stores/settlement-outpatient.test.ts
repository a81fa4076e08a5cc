import { beforeEach, describe, expect, it } from 'vitest';
import type { CatalogItem } from '@src/contract/methods/catalog';
import type { PreSettlement } from '@src/contract/methods/settlement';
import { useOutpatient } from './settlement-outpatient';

const item = { infno: '1305', code: '001161000000004', name: '普通门诊诊查费', listType: '201', spec: '', dosform: '', pack: '', unit: '次', maker: '', aprvno: '', chargeClass: '01', selfpayProp: 0, priceCap: 2_000_000, restricted: false, restriction: '', medChrgitmType: '', categoryCode: '', categoryName: '', begndate: '', enddate: '', valid: true, version: '', match: 'code' } as CatalogItem;
const pre = { figures: {}, funds: [], lines: [], warnings: [], remainingMs: 0 } as unknown as PreSettlement;

describe('the outpatient visit being billed', () => {
  beforeEach(() => useOutpatient.getState().reset());

  it('marks the pre-settlement stale when lines or the account choice change after it', () => {
    const v = useOutpatient.getState();
    v.addLine(item);
    expect(useOutpatient.getState().stale).toBe(false);
    useOutpatient.getState().set({ pre, visitId: 7 });
    useOutpatient.getState().edit({ acctUsed: false });
    expect(useOutpatient.getState().stale).toBe(true);
    useOutpatient.getState().set({ pre, stale: false });
    useOutpatient.getState().addLine(item);
    expect(useOutpatient.getState().stale).toBe(true);
    expect(useOutpatient.getState().lines[0]?.qtyText).toBe('2');
  });

  it('does not add the same diagnosis twice', () => {
    useOutpatient.getState().addDiagnosis({ code: 'J06.900', name: '急性上呼吸道感染' });
    useOutpatient.getState().addDiagnosis({ code: 'J06.900', name: '急性上呼吸道感染' });
    expect(useOutpatient.getState().diagnoses).toHaveLength(1);
  });

  it('starts the next patient from an empty visit', () => {
    useOutpatient.getState().set({ visitId: 3, medType: '14', chronicCode: 'M03900' });
    useOutpatient.getState().reset();
    const v = useOutpatient.getState();
    expect([v.visitId, v.medType, v.chronicCode, v.lines.length, v.acctUsed]).toEqual([undefined, '11', '', 0, true]);
  });
});
