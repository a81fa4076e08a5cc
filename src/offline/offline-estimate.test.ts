import { describe, expect, it } from 'vitest';
import { estimateSplit, type EstimateLine } from './offline-estimate';
import type { AreaParams } from './offline-policy';

const suzhou: AreaParams = { admdvs: '320500', insutype: '310', name: '苏州市', deductibleFen: 0, ratioByLevel: { '1': 7500, '2': 7000, '3': 6500 }, source: 'test' };
const line = (o: Partial<EstimateLine>): EstimateLine => ({ price: 10_000_000, quantity: 10_000, chargeClass: '01', selfpayProp: null, priceCap: null, ...o });

describe('estimateSplit (an estimate, against the patient at the counter)', () => {
  it('splits 甲/乙/丙 lines by the catalogue and pays the in-scope part at the area ratio of the hospital level', () => {
    const e = estimateSplit([line({}), line({ chargeClass: '02', selfpayProp: 1000 }), line({ chargeClass: '03' })], suzhou, '3');
    // 3 × 10.00 yuan; 乙 self-pays 10 %; 丙 all self-paid.
    expect(e).toMatchObject({ medfeeFen: 3000, fulamtOwnpayFen: 1000, preselfpayFen: 100, inscopeFen: 1900, fundFen: 1235, psnFen: 1765 });
    expect(e.medfeeFen).toBe(e.fulamtOwnpayFen + e.overlmtFen + e.preselfpayFen + e.inscopeFen);
  });

  it('self-pays what is above the price cap', () => {
    const e = estimateSplit([line({ price: 12_000_000, priceCap: 10_000_000 })], suzhou, '3');
    expect(e).toMatchObject({ medfeeFen: 1200, overlmtFen: 200, inscopeFen: 1000 });
  });

  it('assumes the yearly deductible is not met yet, and estimates no fund at all without the area parameters', () => {
    expect(estimateSplit([line({})], { ...suzhou, deductibleFen: 600 }, '3')).toMatchObject({ inscopeFen: 1000, fundFen: 260 });
    expect(estimateSplit([line({})], undefined, '3')).toMatchObject({ fundFen: 0, psnFen: 1000, params: undefined });
  });
});
