// The receipt model: one breakdown for 58 mm and 80 mm thermal rolls (fixed-width text rows) and
// A5 (laid out by the view or the PDF). Every figure is the hub's, copied from the stored record.
import { formatYuan } from '@src/common/money';
import type { Paper, Receipt, SettlementRecord } from '@src/contract/methods/settlement';
import type { LineSplit } from '@src/contract/methods/settlement-schemas';
import { areaName, CHARGE_CLASS_NAMES, INSUTYPE_NAMES, KIND_NAMES, MED_TYPE_NAMES } from '../labels';

export const PAPER_COLUMNS: Record<Paper, number> = { '58mm': 32, '80mm': 48, A5: 0 };

export interface ReceiptInstitution {
  name: string;
  code: string;
}

/** Display width: CJK characters take two columns on thermal printers. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uFFFF]/.test(ch) ? 2 : 1;
  return w;
}

function row(label: string, value: string, columns: number): string {
  const gap = Math.max(1, columns - width(label) - width(value));
  return label + ' '.repeat(gap) + value;
}

export function buildReceipt(rec: SettlementRecord, lines: readonly LineSplit[], paper: Paper, institution: ReceiptInstitution, options: { refund?: boolean; reprint?: boolean; now?: Date } = {}): Receipt {
  const refund = options.refund === true && rec.refund !== null;
  const figures = refund ? rec.refund!.figures : rec.figures;
  if (!figures) throw new RangeError(`settlement ${rec.id} has no figures (state ${rec.state})`);
  const columns = PAPER_COLUMNS[paper];
  const receiptLines = lines.map((l) => ({
    name: l.name,
    code: l.code,
    chargeClass: l.chargeClass,
    chargeClassLabel: CHARGE_CLASS_NAMES[l.chargeClass] ?? '',
    quantity: l.quantity,
    amountFen: l.amountFen,
    selfPayFen: l.fulamtOwnpayFen + l.overlmtFen + l.preselfpayFen,
  }));
  const classSummary = ['甲', '乙', '丙', '']
    .map((label) => {
      const of = receiptLines.filter((l) => l.chargeClassLabel === label);
      return { label: label || '其他', amountFen: of.reduce((s, l) => s + l.amountFen, 0), selfPayFen: of.reduce((s, l) => s + l.selfPayFen, 0), n: of.length };
    })
    .filter((c) => c.n > 0)
    .map(({ n: _n, ...c }) => c);
  const title = `${institution.name}\n医保结算单${refund ? '（退费）' : ''}`;
  const settledAt = refund ? rec.refund!.at : rec.settledAt;
  const setlId = refund ? rec.refund!.setlId : rec.setlId;
  const msgid = refund ? rec.refund!.msgid : rec.msgid;
  const printedAt = (options.now ?? new Date()).toISOString();
  const receipt: Receipt = {
    paper,
    columns,
    title,
    institutionName: institution.name,
    institutionCode: institution.code,
    kind: rec.kind,
    kindLabel: KIND_NAMES[rec.kind] ?? rec.kind,
    refund,
    reprint: options.reprint === true,
    patientName: rec.patientName,
    idMasked: rec.idMasked,
    insutypeName: INSUTYPE_NAMES[rec.insutype] ?? rec.insutype,
    insuredArea: rec.insuredArea,
    insuredAreaName: areaName(rec.insuredArea),
    medType: rec.medType,
    medTypeName: MED_TYPE_NAMES[rec.medType] ?? rec.medType,
    setlId,
    msgid,
    mdtrtId: rec.mdtrtId,
    operator: rec.operatorName || rec.operator,
    settledAt,
    printedAt,
    figures,
    funds: rec.funds,
    lines: receiptLines,
    classSummary,
    text: [],
  };
  receipt.text = columns > 0 ? thermalText(receipt, columns) : [];
  return receipt;
}

function thermalText(r: Receipt, columns: number): string[] {
  const f = r.figures;
  const rule = '-'.repeat(columns);
  const y = (fen: number): string => formatYuan(fen);
  const out = [r.institutionName, `医保结算单${r.refund ? '（退费）' : ''}${r.reprint ? '（补打）' : ''}`, rule];
  out.push(row('姓名', r.patientName, columns), row('证件号', r.idMasked, columns), row('险种', r.insutypeName, columns), row('参保地', `${r.insuredAreaName}`, columns), row('类别', `${r.kindLabel} ${r.medTypeName}`, columns), rule);
  for (const l of r.lines) {
    out.push(l.name.slice(0, columns > 32 ? 22 : 14));
    out.push(row(`  ${l.chargeClassLabel || '-'} 自付${y(l.selfPayFen)}`, y(l.amountFen), columns));
  }
  out.push(rule, row('医疗费总额', y(f.medfee_sumamt), columns));
  for (const fund of r.funds.filter((x) => x.fundPayType !== '310200')) out.push(row(fund.name.slice(0, 12), y(fund.amountFen), columns));
  out.push(row('基金支付合计', y(f.fund_pay_sumamt), columns), row('个人账户支付', y(f.acct_pay), columns), row('个人现金支付', y(f.psn_cash_pay), columns));
  if (f.balc !== null) out.push(row('账户余额', y(f.balc), columns));
  for (const c of r.classSummary) out.push(row(`${c.label}类 ${y(c.amountFen)}`, `自付${y(c.selfPayFen)}`, columns));
  out.push(rule, row('结算ID', r.setlId, columns), 'msgid', r.msgid, row('收款员', r.operator, columns), row('结算时间', r.settledAt.slice(0, 19).replace('T', ' '), columns));
  return out;
}
