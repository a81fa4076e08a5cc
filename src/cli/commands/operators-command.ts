import type { Command } from 'commander';
import { AppError } from '@src/common/errors';
import { RoleSchema } from '@src/contract/define';
import type { Host } from '@src/host/host';
import { cliActor } from '../cli-actor';
import type { CliContext } from '../cli-context';

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function findOperator(host: Host, username: string): number {
  const op = host.services.accounts.list().find((o) => o.username.toLowerCase() === username.toLowerCase());
  if (!op) throw new AppError({ code: 'OPERATOR_NOT_FOUND', message: `找不到工号 ${username}`, hint: '用 yikatong operators list 查看现有账号。' });
  return op.id;
}

async function passwordFrom(opts: { password?: string; passwordStdin?: boolean }): Promise<string> {
  const password = opts.passwordStdin ? await readPasswordFromStdin() : opts.password;
  if (!password || password.length < 8) throw new AppError({ code: 'OPERATOR_WEAK_PASSWORD', message: '密码至少8位', hint: '用 --password-stdin 从标准输入传入密码，避免留在命令历史中。' });
  return password;
}

export function registerOperatorCommands(program: Command, ctx: CliContext): void {
  const ops = program.command('operators').description('操作员账号 (list / add / reset-password / unlock)');

  ops
    .command('list')
    .option('--json', '输出 JSON')
    .action(async (opts: { json?: boolean }) => {
      const host = await ctx.openHost();
      const rows = host.services.accounts.list();
      if (opts.json) return ctx.printJson(rows);
      for (const o of rows) ctx.print(`${o.username.padEnd(12)} ${o.displayName.padEnd(8)} ${o.role.padEnd(11)} ${o.disabled ? '已停用' : o.lockedUntil && new Date(o.lockedUntil) > new Date() ? '已锁定' : '正常'}`);
    });

  ops
    .command('add')
    .requiredOption('--username <工号>')
    .requiredOption('--name <姓名>')
    .requiredOption('--role <角色>', 'cashier | pharmacist | it_admin')
    .option('--password <密码>')
    .option('--password-stdin', '从标准输入读取密码')
    .action(async (opts: { username: string; name: string; role: string; password?: string; passwordStdin?: boolean }) => {
      const role = RoleSchema.safeParse(opts.role);
      if (!role.success) program.error('角色只能是 cashier、pharmacist 或 it_admin', { exitCode: 2 });
      const host = await ctx.openHost();
      const created = await host.services.accounts.create({ username: opts.username, displayName: opts.name, role: role.data!, password: await passwordFrom(opts) }, cliActor());
      ctx.print(`已创建 ${created.username}（${created.displayName}，${created.role}）`);
    });

  ops
    .command('reset-password')
    .argument('<username>')
    .option('--password <密码>')
    .option('--password-stdin', '从标准输入读取密码')
    .action(async (username: string, opts: { password?: string; passwordStdin?: boolean }) => {
      const host = await ctx.openHost();
      await host.services.accounts.resetPassword(findOperator(host, username), await passwordFrom(opts), cliActor());
      ctx.print(`已重置 ${username} 的密码并解除锁定`);
    });

  ops
    .command('unlock')
    .argument('<username>')
    .action(async (username: string) => {
      const host = await ctx.openHost();
      host.services.accounts.unlock(findOperator(host, username), cliActor());
      ctx.print(`已解锁 ${username}`);
    });
}
