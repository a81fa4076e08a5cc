// `yikatong queue drill` (training only): offline visits of training patients, for drills and the
// queue benchmark. Fee lines come from the training catalogue the embedded training hub serves
// (same seed), so every queued visit can be settled when the queue is flushed.
import { lineAmount } from '@src/common/money';
import { formatInfTime } from '@src/hub/protocol/time';
import type { OutpatientSettlementPayload, QueueOperator } from '@src/queue/queue-payloads';
import type { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { TRAINING_PATIENTS, type TrainingPatient } from '@src/training/fixtures/training-patients';

/** Patients whom the training hub settles (陈刚 and 孙磊 are refused by design). */
export const DRILL_PATIENTS: readonly TrainingPatient[] = TRAINING_PATIENTS.filter((p) => ['张伟', '李娜', '刘洋', '赵敏'].includes(p.name));

/** Valid western-medicine rows with a price cap (a handful, picked once per catalogue). */
export function drillRows(catalog: TrainingCatalog, count = 16): { code: string; price: number }[] {
  const out: { code: string; price: number }[] = [];
  for (let i = 0; i < catalog.count('1301') && out.length < count; i++) {
    const r = catalog.feeItem('1301', i);
    if (r.valiFlag === '1' && r.priceCap !== undefined && r.priceCap !== null) out.push({ code: r.code, price: Math.floor(r.priceCap / 2) });
  }
  return out;
}

let drillCounter = 0;

/** The n-th drill visit: a training patient, one to three lines, visit time now. */
export function drillPayload(rows: readonly { code: string; price: number }[], n: number, operator: QueueOperator, patient: TrainingPatient = DRILL_PATIENTS[n % DRILL_PATIENTS.length] as TrainingPatient): OutpatientSettlementPayload {
  const lines = Array.from({ length: 1 + (n % 3) }, (_, i) => {
    const row = rows[(n * 3 + i) % rows.length] as { code: string; price: number };
    const quantity = (1 + ((n + i) % 4)) * 10_000;
    return { code: row.code, price: row.price, quantity, amountFen: lineAmount(row.price, quantity) };
  });
  const unique = `${Date.now().toString(36)}${process.pid.toString(36)}${(drillCounter++).toString(36)}`;
  return {
    operator,
    cert: { type: '02', no: patient.idNumber },
    insutype: patient.insutype,
    begntime: formatInfTime(new Date()),
    iptOtpNo: `LX${unique}`.slice(0, 30),
    deptCode: '0101',
    deptName: '内科门诊',
    caty: 'A03',
    medType: '11',
    diagCode: 'J06.900',
    diagName: '急性上呼吸道感染',
    lines,
    acctUsedFlag: '1',
    chrgBchno: `Q${unique}`.slice(0, 30),
  };
}

export function payloadTotal(p: OutpatientSettlementPayload): number {
  return p.lines.reduce((s, l) => s + l.amountFen, 0);
}
