// CSV exports: UTF-8 with a BOM (Excel on Chinese Windows opens it correctly), CRLF line ends,
// fields quoted when they contain a comma, quote or line break; amounts as yuan text (never floats).
import { formatScaled, formatYuan } from '@src/common/money';
import type { Bucket, MoneyTotals, ShiftReport, SummaryReport } from '@src/contract/methods/reports';
import { insutypeName, medTypeName } from './labels';

export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const MONEY_HEADER = ['笔数', '医疗费总额', '基金支付', '个人账户', '个人现金'];
const money = (t: MoneyTotals): (string | number)[] => [t.count, formatYuan(t.medfee), formatYuan(t.fund), formatYuan(t.acct), formatYuan(t.cash)];
const bucketRows = (title: string, buckets: readonly Bucket[]): (string | number)[][] => [[title, ...MONEY_HEADER], ...buckets.map((b) => [b.label, ...money(b)]), []];

export function summaryCsv(s: SummaryReport): string {
  return toCsv([
    ['结算汇总', s.institution, `${s.from} 至 ${s.to}`],
    [],
    ['项目', ...MONEY_HEADER],
    ['合计', ...money(s.total)],
    ['结算', ...money(s.settlements)],
    ['退费', ...money(s.refunds)],
    ['跨省异地', ...money(s.crossProvince)],
    ['冲正笔数', s.reversals],
    ['跨省占比(医疗费)', `${formatScaled(s.crossProvinceShare, 2)}%`],
    [],
    ...bucketRows('参保省份', s.byProvince),
    ...bucketRows('医疗类别', s.byMedType),
    ...bucketRows('险种', s.byInsutype),
    ...bucketRows('日期', s.byDay),
  ]);
}

export function shiftCsv(s: ShiftReport): string {
  return toCsv([
    ['交班报表', s.institution, `${s.operatorName}(${s.operator})`, `${s.from} 至 ${s.to}`],
    [],
    ['项目', ...MONEY_HEADER],
    ['结算', ...money(s.settlements)],
    ['退费', ...money(s.refunds)],
    ['合计', ...money(s.total)],
    ['应交现金', formatYuan(s.cashToHandOver)],
    ['冲正笔数', s.reversals],
    ['结果未知的交易', s.unresolvedCalls],
    [],
    ['结算时间', '结算ID', '类型', '医疗类别', '险种', '医疗费总额', '基金支付', '个人账户', '个人现金'],
    ...s.rows.map((r) => [r.setlTime, r.setlId, r.kind === 'settle' ? '结算' : '退费', medTypeName(r.medType), insutypeName(r.insutype), formatYuan(r.medfee), formatYuan(r.fund), formatYuan(r.acct), formatYuan(r.cash)]),
  ]);
}
