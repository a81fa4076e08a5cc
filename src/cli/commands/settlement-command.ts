// `yikatong settlements list --date D [--to D] [--json]` and `yikatong settlements pending`: the
// day's settlements (names masked) and the reversals waiting for the offline queue, for IT staff.
import type { Command } from 'commander';
import { maskName } from '@src/common/mask';
import { formatYuan } from '@src/common/money';
import type { SettlementRecord } from '@src/contract/methods/settlement';
import type { CliContext } from '../cli-context';

/** One settlement on one line, the patient's name masked (IT staff do not need it in full). */
export function settlementLine(s: SettlementRecord): string {
  const f = s.figures;
  return `#${s.id} ${s.settledAt} ${s.kind} ${s.state} setl_id=${s.setlId || '-'} msgid=${s.msgid} ${maskName(s.patientName)} ${s.idMasked} 总额 ${f ? formatYuan(f.medfee_sumamt) : '-'} 现金 ${f ? formatYuan(f.psn_cash_pay) : '-'} ${s.operator}`;
}

const today = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export function registerSettlementCommands(program: Command, ctx: CliContext): void {
  const settlements = program.command('settlements').description('结算记录 (list / pending)');

  settlements
    .command('list')
    .description('按日期列出结算记录（姓名脱敏）')
    .option('--date <date>', '开始日期 YYYY-MM-DD（默认今天）')
    .option('--to <date>', '结束日期 YYYY-MM-DD（默认同开始日期）')
    .option('--limit <n>', '条数', '500')
    .option('--json', '输出 JSON')
    .action(async (opts: { date?: string; to?: string; limit: string; json?: boolean }) => {
      const host = await ctx.openHost();
      const from = opts.date ?? today();
      const r = host.services.settlement!.store.search({ from, to: opts.to ?? from, limit: Number(opts.limit) });
      const rows = r.rows;
      if (opts.json) return ctx.printJson(rows.map((s) => ({ ...s, patientName: maskName(s.patientName) })));
      if (rows.length === 0) return ctx.print(`${from} 没有结算记录`);
      for (const s of rows) ctx.print(settlementLine(s));
      if (r.truncated) ctx.print('（仅显示前若干条，请用 --limit 增加）');
    });

  settlements
    .command('pending')
    .description('等待冲正（2601）的交易')
    .option('--json', '输出 JSON')
    .action(async (opts: { json?: boolean }) => {
      const host = await ctx.openHost();
      const rows = host.services.settlement!.pending.listAll();
      if (opts.json) return ctx.printJson(rows);
      if (rows.length === 0) return ctx.print('没有等待冲正的交易');
      for (const p of rows) ctx.print(`#${p.id} ${p.state} ${p.oinfno} ${p.omsgid} 尝试 ${p.attempts} 次 ${p.lastError}`);
    });
}
