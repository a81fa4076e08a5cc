// The 3202 files: the detail file the terminal uploads with 9101 (TAB-separated, no header:
// setl_id mdtrt_id psn_no medfee_sumamt fund_pay_sumamt acct_pay refd_setl_flag) and the result
// file the hub returns through 9102 (psn_no mdtrt_id setl_id msgid stmt_rslt refd_setl_flag memo
// medfee_sumamt fund_pay_sumamt acct_pay). Amounts are yuan text on the wire, fen here.
import { AppError } from '@src/common/errors';
import { formatYuan, parseYuan, type Fen } from '@src/common/money';
import { RECONCILE_RESULT_COLUMNS, RECONCILE_UPLOAD_COLUMNS } from '@src/hub/protocol';
import type { SettledRecord } from './settled-record';

export function buildDetailFile(records: readonly SettledRecord[]): string {
  const lines = records.map((r) => {
    const row: Record<(typeof RECONCILE_UPLOAD_COLUMNS)[number], string> = {
      setl_id: r.setlId,
      mdtrt_id: r.mdtrtId,
      psn_no: r.psnNo,
      medfee_sumamt: formatYuan(r.medfee),
      fund_pay_sumamt: formatYuan(r.fund),
      acct_pay: formatYuan(r.acct),
      refd_setl_flag: r.refd,
    };
    return RECONCILE_UPLOAD_COLUMNS.map((c) => row[c]).join('\t');
  });
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

export interface ResultRow {
  psnNo: string;
  mdtrtId: string;
  setlId: string;
  /** msgid of the request that settled at the hub; empty when only the terminal has the settlement. */
  msgid: string;
  /** 0 平, anything else 不平 */
  stmtRslt: string;
  refd: string;
  memo: string;
  /** The hub's amounts, when the file carries them (the columns after memo are uncertain). */
  hubMedfee: Fen | undefined;
  hubFund: Fen | undefined;
  hubAcct: Fen | undefined;
}

function malformed(line: number, why: string): AppError {
  return new AppError({
    code: 'RECONCILE_RESULT_MALFORMED',
    message: `医保中心对明细账结果文件第${line}行无法识别：${why}`,
    hint: '请稍后重新对账；仍有问题请联系信息科并保留对账记录。',
    detail: `3202 result line ${line}: ${why}`,
  });
}

const amountOf = (text: string | undefined, line: number): Fen | undefined => {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return parseYuan(text.trim());
  } catch {
    throw malformed(line, `金额“${text}”格式不正确`);
  }
};

export function parseResultFile(text: string): ResultRow[] {
  const rows: ResultRow[] = [];
  const min = RECONCILE_RESULT_COLUMNS.indexOf('memo') + 1;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === '' || (i === 0 && line.startsWith('psn_no'))) return;
      const f = line.split('\t');
      if (f.length < min) throw malformed(i + 1, `应至少有${min}列，实有${f.length}列`);
      const [psnNo, mdtrtId, setlId, msgid, stmtRslt, refd, memo, medfee, fund, acct] = f.map((v) => v.trim());
      if (!setlId) throw malformed(i + 1, '缺少结算ID');
      rows.push({
        psnNo: psnNo!,
        mdtrtId: mdtrtId!,
        setlId,
        msgid: msgid!,
        stmtRslt: stmtRslt!,
        refd: refd!,
        memo: memo!,
        hubMedfee: amountOf(medfee, i + 1),
        hubFund: amountOf(fund, i + 1),
        hubAcct: amountOf(acct, i + 1),
      });
    });
  return rows;
}
