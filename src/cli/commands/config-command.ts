import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { maskSecrets, patchFromAssignments } from '@src/config/config-store';
import { launchFile } from '@src/platform/paths';
import { cliActor } from '../cli-actor';
import type { CliContext } from '../cli-context';

export function registerConfigCommands(program: Command, ctx: CliContext): void {
  const config = program.command('config').description('查看或修改终端配置 (show / set / import / mode)');

  config
    .command('show')
    .description('显示当前配置（密钥以 ******** 显示）')
    .option('--json', '输出 JSON')
    .action(async (opts: { json?: boolean }) => {
      const host = await ctx.openHost();
      const c = maskSecrets(host.services.config.get());
      if (opts.json) ctx.printJson({ mode: host.services.mode, config: c });
      else ctx.print(`模式 mode: ${host.services.mode}\n${JSON.stringify(c, null, 2)}`);
    });

  config
    .command('set')
    .description('修改配置项，例如 yikatong config set hub.url=https://… timeouts.settlementBudgetMs=10000')
    .argument('<assignments...>', '路径=值')
    .action(async (assignments: string[]) => {
      const host = await ctx.openHost();
      const { changed } = host.services.config.update(patchFromAssignments(assignments), cliActor());
      if (changed.length) host.services.audit.append({ action: 'config.changed', operator: cliActor(), details: { paths: changed } });
      ctx.print(changed.length ? `已保存：${changed.join(', ')}` : '配置未变化');
    });

  config
    .command('import')
    .description('从 JSON 配置文件导入（整体校验，任何一项不正确则不作改动）')
    .argument('<file>')
    .action(async (file: string) => {
      const host = await ctx.openHost();
      const { changed } = host.services.config.replace(JSON.parse(readFileSync(file, 'utf8')), cliActor());
      if (changed.length) host.services.audit.append({ action: 'config.changed', operator: cliActor(), details: { paths: changed, file } });
      ctx.print(changed.length ? `已导入，改动：${changed.join(', ')}` : '配置未变化');
    });

  config
    .command('mode')
    .description('选择下次启动的模式：training（培训）或 live（正式）')
    .argument('<mode>', 'training | live')
    .action(async (mode: string) => {
      if (mode !== 'training' && mode !== 'live') {
        program.error('模式只能是 training 或 live', { exitCode: 2 });
      }
      writeFileSync(launchFile(ctx.dataRoot()), JSON.stringify({ mode }, null, 2));
      ctx.print(`下次启动将进入${mode === 'live' ? '正式' : '培训'}模式（重新启动终端程序后生效）`);
    });
}
