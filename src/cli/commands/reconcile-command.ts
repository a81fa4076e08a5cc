// `yikatong reconcile` (对账, 清算) and `yikatong report` (交班, 日报): the same services as the
// reconciliation and report screens, for IT staff and scheduled end-of-day jobs. Hub calls are made
// as the terminal itself (opter = terminal id, signed in for the command and signed out after);
// the audit trail names the OS account (cli:<user>).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '@src/common/errors';
import { formatMoney, formatScaled } from '@src/common/money';
import type { MismatchView, ReconcileRunView } from '@src/contract/methods/reconcile';
import type { Host } from '@src/host/host';
import { chinaDate } from '@src/reconcile/date-range';
import type { Actor } from '@src/reconcile/reconciler';
import { cliActor } from '../cli-actor';
import type { CliContext } from '../cli-context';

const KIND_NAMES: Record<MismatchView['kind'], string> = { terminal_only: '仅本院有', hub_only: '仅医保中心有（可冲正）', amount_differs: '金额不一致' };

/** Signs the terminal in to the hub for the command; returns the actor and the sign-out. */
async function cliHubActor(host: Host): Promise<{ actor: Actor; done: () => Promise<void> }> {
  const terminalId = host.services.config.get().terminal.terminalId;
  const who = cliActor();
  const operator = { id: 0, username: terminalId, displayName: who, role: 'it_admin' as const };
  const { signNo } = await host.services.hub.signIn.signIn(operator);
  return {
    actor: { auditName: who, hub: { code: terminalId, name: who, signNo } },
    done: () => host.services.hub.signIn.signOut(operator, signNo).catch(() => undefined),
  };
}

function rangeOf(opts: { date?: string; from?: string; to?: string }): { from: string; to: string } {
  if (opts.date && (opts.from || opts.to)) throw new AppError({ code: 'CLI_BAD_OPTIONS', message: '--date 与 --from/--to 不能同时使用', hint: '对一天用 --date，对区间用 --from 与 --to。' });
  if (opts.date) return { from: opts.date, to: opts.date };
  if (opts.from || opts.to) return { from: opts.from ?? opts.to!, to: opts.to ?? opts.from! };
  const today = chinaDate(new Date());
  return { from: today, to: today };
}

function printRun(ctx: CliContext, run: ReconcileRunView): void {
  const state = { agreed: '一致（平）', disagreed: '不一致（不平）', failed: '失败', running: '进行中' }[run.state];
  ctx.print(`对账 #${run.id} ${run.from} 至 ${run.to}：${state}`);
  for (const g of run.groups) ctx.print(`  险种${g.insutype} 清算类别${g.clrType}：${g.count}笔 医疗费${formatMoney(g.medfee)} 基金${formatMoney(g.fund)} 账户${formatMoney(g.acct)} → ${g.stmtRslt === '0' ? '平' : '不平'}`);
  for (const m of run.mismatches) {
    const amounts = [m.terminal && `本院${formatMoney(m.terminal.medfee)}`, m.hub && `中心${formatMoney(m.hub.medfee)}`].filter(Boolean).join(' ');
    ctx.print(`  差异 #${m.id} [${KIND_NAMES[m.kind]}] 结算ID ${m.setlId} 报文 ${m.msgid || '-'} ${amounts} ${m.state === 'resolved' ? `已处理(${m.resolution ?? ''} ${m.resolvedBy ?? ''})` : '待处理'}`);
  }
  if (run.unresolvedCalls > 0) ctx.print(`  注意：该期间有 ${run.unresolvedCalls} 笔结算交易结果未知，处理后请重新对账（yikatong doctor 可查看）。`);
}

export function registerReconcileCommands(program: Command, ctx: CliContext): void {
  program
    .command('reconcile')
    .description('与医保中心对账（3201 对总账，不平时 3202 对明细账），列出并处理差异')
    .option('--date <YYYY-MM-DD>', '对一天的账（默认今天）')
    .option('--from <YYYY-MM-DD>', '区间开始')
    .option('--to <YYYY-MM-DD>', '区间结束')
    .option('--list', '列出最近的对账记录，不对账')
    .option('--resolve <mismatchId>', '处理一条差异')
    .option('--reverse', '与 --resolve 同用：冲正（2601）仅医保中心有的结算')
    .option('--acknowledge <说明>', '与 --resolve 同用：记录已做的处理')
    .option('--note <说明>', '与 --reverse 同用：处理说明（冲正其他终端序号的报文时必填）')
    .option('--insuplc <区划>', '与 --reverse 同用：参保地区划（本终端不认识该参保人时）')
    .option('--json', '输出 JSON')
    .action(async (opts: { date?: string; from?: string; to?: string; list?: boolean; resolve?: string; reverse?: boolean; acknowledge?: string; note?: string; insuplc?: string; json?: boolean }) => {
      const host = await ctx.openHost();
      const reconcile = host.services.reconcile;
      if (opts.list) {
        const runs = reconcile.runs(20);
        if (opts.json) return ctx.printJson(runs);
        for (const r of runs) printRun(ctx, r);
        return;
      }
      const { actor, done } = await cliHubActor(host);
      try {
        if (opts.resolve !== undefined) {
          if (!opts.reverse && opts.acknowledge === undefined) throw new AppError({ code: 'CLI_BAD_OPTIONS', message: '请指定处理方式', hint: '冲正用 --reverse；其他处理用 --acknowledge "说明"。' });
          const m = await reconcile.resolve({ mismatchId: Number(opts.resolve), action: opts.reverse ? 'reverse' : 'acknowledge', note: opts.acknowledge ?? opts.note ?? '', insuplcAdmdvs: opts.insuplc }, actor);
          if (opts.json) return ctx.printJson(m);
          ctx.print(`差异 #${m.id} 已处理：${m.resolution === 'reversed' ? `已冲正（报文 ${m.resolutionMsgid ?? ''}）` : `已确认：${m.resolutionNote ?? ''}`}`);
          return;
        }
        const run = await reconcile.run(rangeOf(opts), actor);
        if (opts.json) ctx.printJson(run);
        else printRun(ctx, run);
        if (run.state !== 'agreed') process.exitCode = 2;
      } finally {
        await done();
      }
    });

  const report = program.command('report').description('报表：交班（shift）与日报/区间汇总（day）');
  report
    .command('shift')
    .description('收款员交班报表')
    .requiredOption('--operator <工号>', '收款员工号')
    .option('--from <ISO时间>', '交班开始（默认：今天上次交班之后，否则今天0点）')
    .option('--to <ISO时间>', '交班结束（默认现在）')
    .option('--csv <file>', '另存为 CSV')
    .option('--pdf <file>', '另存为 PDF')
    .option('--json', '输出 JSON')
    .action(async (opts: { operator: string; from?: string; to?: string; csv?: string; pdf?: string; json?: boolean }) => {
      const host = await ctx.openHost();
      const account = host.services.accounts.list().find((o) => o.username === opts.operator);
      if (!account) throw new AppError({ code: 'REPORT_UNKNOWN_OPERATOR', message: `操作员“${opts.operator}”不存在`, hint: '请用 yikatong operators list 查看工号。' });
      const to = opts.to ? new Date(opts.to) : new Date();
      const from = opts.from ? new Date(opts.from) : host.services.reports.shiftStart(account.username, to);
      if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new AppError({ code: 'CLI_BAD_OPTIONS', message: '时间格式不正确', hint: '例如 2026-11-23T08:00:00+08:00。' });
      const req = { operator: account.username, operatorName: account.displayName, from, to };
      const s = host.services.reports.shift(req);
      if (opts.csv) writeFileSync(opts.csv, (await host.services.reports.exportShift(req, 'csv')).bytes);
      if (opts.pdf) writeFileSync(opts.pdf, (await host.services.reports.exportShift(req, 'pdf')).bytes);
      if (opts.json) return ctx.printJson(s);
      ctx.print(`交班报表 ${s.operatorName}(${s.operator}) ${s.from} 至 ${s.to}`);
      ctx.print(`  结算 ${s.settlements.count} 笔 ${formatMoney(s.settlements.medfee)}；退费 ${s.refunds.count} 笔 ${formatMoney(s.refunds.medfee)}；冲正 ${s.reversals} 笔`);
      ctx.print(`  基金 ${formatMoney(s.total.fund)} 账户 ${formatMoney(s.total.acct)} 现金 ${formatMoney(s.total.cash)}；应交现金 ${formatMoney(s.cashToHandOver)}`);
      if (s.unresolvedCalls > 0) ctx.print(`  注意：${s.unresolvedCalls} 笔结算结果未知，交班前请处理。`);
    });
  report
    .command('day')
    .description('日报或区间汇总')
    .option('--date <YYYY-MM-DD>', '某一天（默认今天）')
    .option('--from <YYYY-MM-DD>', '区间开始')
    .option('--to <YYYY-MM-DD>', '区间结束')
    .option('--csv <file>', '另存为 CSV')
    .option('--pdf <file>', '另存为 PDF')
    .option('--json', '输出 JSON')
    .action(async (opts: { date?: string; from?: string; to?: string; csv?: string; pdf?: string; json?: boolean }) => {
      const host = await ctx.openHost();
      const range = rangeOf(opts);
      const s = host.services.reports.summary(range);
      if (opts.csv) writeFileSync(opts.csv, (await host.services.reports.exportSummary(range, 'csv')).bytes);
      if (opts.pdf) writeFileSync(opts.pdf, (await host.services.reports.exportSummary(range, 'pdf')).bytes);
      if (opts.json) return ctx.printJson(s);
      ctx.print(`结算汇总 ${s.from} 至 ${s.to}：${s.total.count} 笔 医疗费${formatMoney(s.total.medfee)} 基金${formatMoney(s.total.fund)} 账户${formatMoney(s.total.acct)} 现金${formatMoney(s.total.cash)}`);
      ctx.print(`  退费 ${s.refunds.count} 笔，冲正 ${s.reversals} 笔，跨省异地 ${s.crossProvince.count} 笔（医疗费占比 ${formatScaled(s.crossProvinceShare, 2)}%）`);
      for (const b of s.byProvince) ctx.print(`  ${b.label}：${b.count} 笔 ${formatMoney(b.medfee)}`);
    });
}
