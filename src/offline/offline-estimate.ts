// The estimate of an offline settlement's split, from what the terminal has without the hub: the
// catalogue's classes (甲/乙/丙, self-pay ratio, price cap) and the insured area's parameters
// stored in the terminal. It is an ESTIMATE, labelled so: the hub alone knows the patient's yearly
// deductible already met, the account balance and the exact rules. Unknowns are taken against the
// patient's favour at the counter (deductible assumed not met, account not used), so the usual
// difference after forwarding is a refund, not a second charge.
import { applyRatio, lineAmount, RATIO_ONE } from '@src/common/money';
import type { AreaParams } from './offline-policy';

export interface EstimateLine {
  /** scale 6 */
  price: number;
  /** scale 4 */
  quantity: number;
  /** 01 甲, 02 乙, 03 丙; '' when the catalogue has no class (treated as 丙). */
  chargeClass: '01' | '02' | '03' | '';
  /** 乙类先行自付比例, scale 4; null: none published. */
  selfpayProp: number | null;
  /** Unit price cap, scale 6; null: none. */
  priceCap: number | null;
}

export interface OfflineEstimate {
  medfeeFen: number;
  /** 全自费 */
  fulamtOwnpayFen: number;
  /** 超限价自费 */
  overlmtFen: number;
  /** 先行自付 */
  preselfpayFen: number;
  /** 符合范围 */
  inscopeFen: number;
  /** The pool's part, estimated. */
  fundFen: number;
  /** The patient's part, estimated (medfee − fund). */
  psnFen: number;
  /** Parameters used, or undefined when none are stored for the area (then the fund is 0). */
  params?: { admdvs: string; name: string; ratio: number; deductibleFen: number } | undefined;
}

export function estimateSplit(lines: readonly EstimateLine[], params: AreaParams | undefined, level: '1' | '2' | '3'): OfflineEstimate {
  let medfee = 0;
  let fulamt = 0;
  let overlmt = 0;
  let preselfpay = 0;
  let inscope = 0;
  for (const l of lines) {
    const amount = lineAmount(l.price, l.quantity);
    medfee += amount;
    if (l.chargeClass === '03' || l.chargeClass === '') {
      fulamt += amount;
      continue;
    }
    let covered = amount;
    if (l.priceCap !== null && l.price > l.priceCap) {
      covered = Math.min(amount, lineAmount(l.priceCap, l.quantity));
      overlmt += amount - covered;
    }
    const pre = l.chargeClass === '02' && l.selfpayProp ? applyRatio(covered, l.selfpayProp) : 0;
    preselfpay += pre;
    inscope += covered - pre;
  }
  const ratio = params ? Math.min(RATIO_ONE, params.ratioByLevel[level]) : 0;
  const fund = params ? applyRatio(Math.max(0, inscope - params.deductibleFen), ratio) : 0;
  return {
    medfeeFen: medfee,
    fulamtOwnpayFen: fulamt,
    overlmtFen: overlmt,
    preselfpayFen: preselfpay,
    inscopeFen: inscope,
    fundFen: fund,
    psnFen: medfee - fund,
    params: params ? { admdvs: params.admdvs, name: params.name, ratio, deductibleFen: params.deductibleFen } : undefined,
  };
}
