// `yikatong`: the IT staff's command line. Each command group lives in src/cli/commands/ and is
// registered in buildProgram. Errors print the Chinese message and what to do, and exit non-zero.
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { isAppError } from '@src/common/errors';
import { APP_VERSION } from '@src/platform/version';
import { createCliContext, type CliContext } from './cli-context';
import { registerAuditCommands } from './commands/audit-command';
import { registerCatalogCommands } from './commands/catalog-command';
import { registerConfigCommands } from './commands/config-command';
import { registerDevicesCommands } from './commands/devices-command';
import { registerDoctorCommand } from './commands/doctor-command';
import { registerOperatorCommands } from './commands/operators-command';
import { registerQueueCommands } from './commands/queue-command';
import { registerReconcileCommands } from './commands/reconcile-command';
import { registerSettlementCommands } from './commands/settlement-command';

export function buildProgram(): { program: Command; ctx: CliContext } {
  const program = new Command('yikatong')
    .description('一卡通结算终端 IT 工具 — Yikatong Terminal command line for IT staff')
    .version(APP_VERSION, '-v, --version', '显示版本')
    .helpOption('-h, --help', '显示帮助')
    .option('--data-dir <dir>', '数据目录（默认：与终端程序相同）')
    .option('--mode <mode>', 'training 或 live（默认：launch.json 中的模式）')
    .showHelpAfterError()
    .exitOverride();
  const ctx = createCliContext(program);
  registerConfigCommands(program, ctx);
  registerDoctorCommand(program, ctx);
  registerOperatorCommands(program, ctx);
  registerQueueCommands(program, ctx);
  registerAuditCommands(program, ctx);
  registerReconcileCommands(program, ctx);
  registerDevicesCommands(program, ctx);
  registerCatalogCommands(program, ctx);
  registerSettlementCommands(program, ctx);
  return { program, ctx };
}

/** Runs one command line; returns the exit code (never calls process.exit, so tests can use it). */
export async function runCli(argv: string[]): Promise<number> {
  const { program, ctx } = buildProgram();
  process.exitCode = 0;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (isAppError(e)) {
      process.stderr.write(`错误：${e.message}\n${e.hint ? `→ ${e.hint}\n` : ''}`);
      return 1;
    }
    process.stderr.write(`错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  } finally {
    await ctx.close();
    process.exitCode = undefined;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
