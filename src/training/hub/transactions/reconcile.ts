// Reconciliation and clearing: 3201 对总账, 3202 对明细账 (detail file from 9101, result file
// via 9102 with one row per settlement incl. the msgid to reverse with), 3203/3204 清算.
// Disagreements injected through /admin (hidden settlements, changed amounts, settlements the
// terminal never heard of) show up here exactly as a real hub's would.
import { inflateRawSync } from 'node:zlib';
import { formatYuan, parseYuan } from '@src/common/money';
import { formatInfTime } from '@src/hub/protocol/time';
import type { Db } from '@src/platform/db/open';
import { refuse } from '../core/hub-refusal';
import { newClearingId, newFileQuryNo } from '../core/ids';
import { findFile } from './files';
import type { HandlerMap } from './handler';

export interface StatementRow {
  setl_id: string;
  mdtrt_id: string;
  psn_no: string;
  msgid: string;
  kind: 'settle' | 'cancel';
  insutype: string;
  clr_type: string;
  setl_date: string;
  medfee: number;
  fund: number;
  acct: number;
  cash: number;
}

/** The hub's view of an institution's settlements in a period (what reconciliation compares). */
export function statementRows(db: Db, args: { fixmedinsCode: string; begndate: string; enddate: string; insutype?: string; clrType?: string; includeRefunds: boolean }): StatementRow[] {
  return db
    .prepare(`SELECT setl_id, mdtrt_id, psn_no, msgid, kind, insutype, clr_type, setl_date,
        medfee_fen + stmt_medfee_delta_fen AS medfee, fund_fen + stmt_medfee_delta_fen AS fund, acct_fen AS acct, cash_fen AS cash
      FROM settlements
      WHERE fixmedins_code = @code AND setl_date BETWEEN @b AND @e AND state <> 'reversed' AND stmt_hidden = 0
        AND (@insutype IS NULL OR insutype = @insutype) AND (@clr IS NULL OR clr_type = @clr) AND (@refunds = 1 OR kind = 'settle')
      ORDER BY setl_time, setl_id`)
    .all({ code: args.fixmedinsCode, b: args.begndate, e: args.enddate, insutype: args.insutype ?? null, clr: args.clrType ?? null, refunds: args.includeRefunds ? 1 : 0 }) as StatementRow[];
}

interface Totals {
  medfee: number;
  fund: number;
  acct: number;
  count: number;
}

function totals(rows: readonly { medfee: number; fund: number; acct: number }[]): Totals {
  const t: Totals = { medfee: 0, fund: 0, acct: 0, count: 0 };
  for (const r of rows) {
    t.medfee += r.medfee;
    t.fund += r.fund;
    t.acct += r.acct;
    t.count++;
  }
  return t;
}

function checkPeriod(begndate: string, enddate: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(begndate.slice(0, 10)) || !/^\d{4}-\d{2}-\d{2}$/.test(enddate.slice(0, 10))) refuse('对账起止日期格式应为yyyy-MM-dd');
  if (begndate.slice(0, 10) > enddate.slice(0, 10)) refuse('对账开始日期不能晚于结束日期');
}

/** One settlement line of the terminal's 3202 detail file (amounts in fen; refd 1 = a reversal). */
export interface TerminalRow {
  setl_id: string;
  mdtrt_id: string;
  psn_no: string;
  medfee: number;
  fund: number;
  acct: number;
  refd: string;
}

/** The uploaded detail file: plain text or a zip with one text entry; TAB-separated, no header. */
export function parseDetailFile(content: Buffer): TerminalRow[] {
  const text = (content[0] === 0x50 && content[1] === 0x4b ? firstZipEntry(content) : content).toString('utf8').replace(/^\uFEFF/, '');
  const rows: TerminalRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || (i === 0 && line.startsWith('setl_id'))) return;
    const f = line.split('\t');
    if (f.length < 7) refuse(`对账明细文件第${i + 1}行应有7列（setl_id、mdtrt_id、psn_no、medfee_sumamt、fund_pay_sumamt、acct_pay、refd_setl_flag），实有${f.length}列`);
    try {
      rows.push({ setl_id: f[0]!.trim(), mdtrt_id: f[1]!.trim(), psn_no: f[2]!.trim(), medfee: parseYuan(f[3]!), fund: parseYuan(f[4]!), acct: parseYuan(f[5]!), refd: f[6]!.trim() });
    } catch {
      refuse(`对账明细文件第${i + 1}行金额格式错误，应为最多两位小数的数字`);
    }
  });
  return rows;
}

/** The first entry of a small zip (stored or deflated), enough for the detail files terminals upload. */
function firstZipEntry(zip: Buffer): Buffer {
  if (zip.readUInt32LE(0) !== 0x04034b50) refuse('对账明细文件不是有效的zip文件');
  const method = zip.readUInt16LE(8);
  let size = zip.readUInt32LE(18);
  const nameLen = zip.readUInt16LE(26);
  const extraLen = zip.readUInt16LE(28);
  const start = 30 + nameLen + extraLen;
  if (size === 0 || size === 0xffffffff) {
    // Sizes in a data descriptor: find the central directory entry instead.
    const cd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    if (cd < 0) refuse('对账明细文件不是有效的zip文件');
    size = zip.readUInt32LE(cd + 20);
  }
  const data = zip.subarray(start, start + size);
  if (method === 0) return data;
  if (method === 8) return inflateRawSync(data);
  return refuse('对账明细文件的zip压缩方式不受支持');
}

function resultLine(cols: readonly string[]): string {
  return cols.join('\t');
}

export const reconcileHandlers: HandlerMap = {
  '3201': (ctx, input) => {
    const d = input.data;
    checkPeriod(d.stmt_begndate, d.stmt_enddate);
    const hub = totals(
      statementRows(ctx.db, {
        fixmedinsCode: ctx.institution.code,
        begndate: d.stmt_begndate.slice(0, 10),
        enddate: d.stmt_enddate.slice(0, 10),
        insutype: d.insutype,
        clrType: d.clr_type,
        includeRefunds: d.refd_setl_flag !== '0',
      }),
    );
    const same = hub.medfee === d.medfee_sumamt && hub.fund === d.fund_pay_sumamt && hub.acct === d.acct_pay && hub.count === d.fixmedins_setl_cnt;
    const dscr = same
      ? '对账一致'
      : `对账不平：医保中心医疗费总额${formatYuan(hub.medfee)}元、基金支付${formatYuan(hub.fund)}元、个人账户${formatYuan(hub.acct)}元、结算${hub.count}笔；` +
        `机构医疗费总额${formatYuan(d.medfee_sumamt)}元、基金支付${formatYuan(d.fund_pay_sumamt)}元、个人账户${formatYuan(d.acct_pay)}元、结算${d.fixmedins_setl_cnt}笔。请对明细账【3202】`;
    return { stmtinfo: { setl_optins: d.setl_optins, stmt_rslt: same ? '0' : '1', stmt_rslt_dscr: dscr } };
  },

  '3202': (ctx, input) => {
    const d = input.data;
    checkPeriod(d.stmt_begndate, d.stmt_enddate);
    const upload = findFile(ctx.db, d.file_qury_no);
    if (!upload || upload.kind !== 'upload' || upload.fixmedins_code !== ctx.institution.code || !upload.content) refuse(`文件查询号${d.file_qury_no}不是本机构上传【9101】的对账明细文件`);
    const includeRefunds = d.refd_setl_flag !== '0';
    const terminal = parseDetailFile(upload.content).filter((r) => includeRefunds || r.refd !== '1');
    const hub = statementRows(ctx.db, { fixmedinsCode: ctx.institution.code, begndate: d.stmt_begndate.slice(0, 10), enddate: d.stmt_enddate.slice(0, 10), clrType: d.clr_type, includeRefunds });
    const fileTotals = totals(terminal);
    if (fileTotals.medfee !== d.medfee_sumamt || fileTotals.fund !== d.fund_pay_sumamt || fileTotals.count !== d.fixmedins_setl_cnt) {
      ctx.warn('对明细账输入的汇总金额或笔数与上传明细文件的合计不一致，已按明细文件逐笔核对');
    }
    const mine = new Map(terminal.map((r) => [r.setl_id, r]));
    const lines: string[] = [];
    for (const h of hub) {
      const t = mine.get(h.setl_id);
      mine.delete(h.setl_id);
      const refd = h.kind === 'cancel' ? '1' : '0';
      const amounts = [formatYuan(h.medfee), formatYuan(h.fund), formatYuan(h.acct)];
      if (!t) {
        lines.push(resultLine([h.psn_no, h.mdtrt_id, h.setl_id, h.msgid, '1', refd, '医保中心有此结算，机构无记录', ...amounts]));
      } else if (t.medfee !== h.medfee || t.fund !== h.fund || t.acct !== h.acct) {
        lines.push(resultLine([h.psn_no, h.mdtrt_id, h.setl_id, h.msgid, '1', refd, `金额不一致：机构医疗费总额${formatYuan(t.medfee)}元、基金支付${formatYuan(t.fund)}元、个人账户${formatYuan(t.acct)}元`, ...amounts]));
      } else {
        lines.push(resultLine([h.psn_no, h.mdtrt_id, h.setl_id, h.msgid, '0', refd, '', ...amounts]));
      }
    }
    for (const t of mine.values()) {
      lines.push(resultLine([t.psn_no, t.mdtrt_id, t.setl_id, '', '1', t.refd, '机构有此结算，医保中心无记录', formatYuan(t.medfee), formatYuan(t.fund), formatYuan(t.acct)]));
    }
    const fileQuryNo = newFileQuryNo(ctx.db, ctx.institution.admdvs, ctx.now);
    const filename = `3202_${fileQuryNo}.zip`;
    const end = formatInfTime(new Date(ctx.now.getTime() + ctx.settings.fileTtlMs));
    ctx.db.prepare(`INSERT INTO files (file_qury_no, kind, fixmedins_code, filename, content, created_at, dld_endtime) VALUES (?, 'stmt', ?, ?, ?, ?, ?)`).run(
      fileQuryNo, ctx.institution.code, filename, Buffer.from(lines.join('\n') + (lines.length > 0 ? '\n' : ''), 'utf8'), formatInfTime(ctx.now), end,
    );
    return { fileinfo: { file_qury_no: fileQuryNo, filename, dld_endtime: end } };
  },

  '3203': (ctx, input) => {
    const d = input.data;
    if (!/^\d{6}$/.test(d.setlym)) refuse('结算年月setlym格式应为yyyyMM');
    const month = `${d.setlym.slice(0, 4)}-${d.setlym.slice(4, 6)}`;
    const open = ctx.db.prepare("SELECT clr_appy_evt_id FROM clearings WHERE fixmedins_code = ? AND clr_type = ? AND setlym = ? AND state = 'applied'").get(ctx.institution.code, d.clr_type, d.setlym) as
      | { clr_appy_evt_id: string }
      | undefined;
    if (open) refuse(`${d.setlym}的清算类别${d.clr_type}已申请清算（${open.clr_appy_evt_id}），如需重新申请请先撤销`);
    const hub = totals(statementRows(ctx.db, { fixmedinsCode: ctx.institution.code, begndate: `${month}-01`, enddate: `${month}-31`, clrType: d.clr_type, includeRefunds: true }));
    if (hub.fund !== d.fund_appy_sum) refuse(`清算申请基金金额${formatYuan(d.fund_appy_sum)}元与医保中心该月结算数据${formatYuan(hub.fund)}元不符，请先完成对账`);
    const id = newClearingId(ctx.db, ctx.institution.admdvs, ctx.now);
    ctx.db.prepare(`INSERT INTO clearings (clr_appy_evt_id, fixmedins_code, clr_type, setlym, fund_appy_fen, medfee_fen, state, msgid, created_at) VALUES (?, ?, ?, ?, ?, ?, 'applied', ?, ?)`).run(
      id, ctx.institution.code, d.clr_type, d.setlym, d.fund_appy_sum, d.medfee_sumamt, ctx.header.msgid, formatInfTime(ctx.now),
    );
    return { result: { clr_appy_evt_id: id } };
  },

  '3204': (ctx, input) => {
    const id = input.data.clr_appy_evt_id;
    const row = ctx.db.prepare('SELECT state FROM clearings WHERE clr_appy_evt_id = ? AND fixmedins_code = ?').get(id, ctx.institution.code) as { state: string } | undefined;
    if (!row) refuse(`清算申请${id}不存在`);
    if (row.state === 'cancelled') refuse(`清算申请${id}已撤销`);
    ctx.db.prepare("UPDATE clearings SET state = 'cancelled' WHERE clr_appy_evt_id = ?").run(id);
    return null;
  },
};
