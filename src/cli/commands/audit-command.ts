import type { Command } from 'commander';
import type { CliContext } from '../cli-context';

export function registerAuditCommands(program: Command, ctx: CliContext): void {
  const audit = program.command('audit').description('审计日志 (verify / list)');

  audit
    .command('verify')
    .description('校验审计哈希链，指出第一处断开的位置')
    .option('--json', '输出 JSON')
    .action(async (opts: { json?: boolean }) => {
      const host = await ctx.openHost();
      const v = host.services.audit.verify();
      if (opts.json) ctx.printJson(v);
      else if (v.ok) ctx.print(`审计链完整：${v.entries} 条记录`);
      else ctx.print(`审计链断开：第 ${v.firstBroken!.seq} 条 — ${v.firstBroken!.reason}`);
      if (!v.ok) process.exitCode = 1;
    });

  audit
    .command('list')
    .option('--limit <n>', '条数', '50')
    .option('--action <action>', '只看某类操作，如 settlement 或 operator.signIn')
    .option('--json', '输出 JSON')
    .action(async (opts: { limit: string; action?: string; json?: boolean }) => {
      const host = await ctx.openHost();
      const rows = host.services.audit.list({ limit: Number(opts.limit), action: opts.action });
      if (opts.json) return ctx.printJson(rows);
      for (const r of rows) ctx.print(`#${r.seq} ${r.at} ${r.terminalId} ${r.operator ?? '-'} ${r.action} ${r.subject ?? ''} ${JSON.stringify(r.details)}`);
    });
}
