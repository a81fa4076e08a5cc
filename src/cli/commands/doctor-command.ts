import type { Command } from 'commander';
import { doctorChecks } from '../doctor/doctor-checks';
import type { CheckResult } from '../doctor/doctor-check';
import type { CliContext } from '../cli-context';

const MARK = { ok: '✔', warn: '!', fail: '✘' } as const;

export function registerDoctorCommand(program: Command, ctx: CliContext): void {
  program
    .command('doctor')
    .description('检查数据库、医保中心连接、设备等，说明问题和解决办法')
    .option('--json', '输出 JSON')
    .action(async (opts: { json?: boolean }) => {
      const host = await ctx.openHost();
      const report: { check: string; result: CheckResult }[] = [];
      for (const check of doctorChecks) {
        let results: CheckResult[];
        try {
          const r = await check.run(host);
          results = Array.isArray(r) ? r : [r];
        } catch (e) {
          results = [{ status: 'fail', message: `检查本身出错：${e instanceof Error ? e.message : String(e)}`, fix: '请把此输出发给技术支持。' }];
        }
        for (const result of results) report.push({ check: check.name, result });
      }
      for (const m of host.services.missing) report.push({ check: m.capability, result: { status: 'warn', message: m.reason } });
      if (opts.json) ctx.printJson(report);
      else {
        ctx.print(`一卡通结算终端自检（${host.services.mode === 'live' ? '正式' : '培训'}模式，数据目录 ${host.services.paths.dir}）`);
        for (const { check, result } of report) {
          ctx.print(`${MARK[result.status]} ${check}：${result.message}`);
          if (result.fix && result.status !== 'ok') ctx.print(`    → ${result.fix}`);
        }
      }
      if (report.some((r) => r.result.status === 'fail')) process.exitCode = 1;
    });
}
