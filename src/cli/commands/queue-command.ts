// `yikatong queue status | flush | retry <id> | resolve <id> | export --csv | drill --count N`:
// the offline queue for IT staff. Flushing from here and from the app at the same time is safe:
// one drainer at a time across processes (the lease), the other is told who is flushing.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '@src/common/errors';
import { formatYuan } from '@src/common/money';
import { queueHandlers, viewOf } from '@src/host/handlers/queue';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { cliActor } from '../cli-actor';
import type { CliContext } from '../cli-context';
import { ProgressBar } from '../progress';
import { drillPayload, drillRows, payloadTotal } from './queue-drill';

const STATE_TEXT: Record<string, string> = { queued: '待上传', done: '已上传', dead: '失败待处理', resolved: '已人工处理' };
const KIND_TEXT: Record<string, string> = { outpatient_settlement: '门诊延时结算', reversal: '冲正', refund: '退费', inpatient_fees: '住院费用上传', pharmacy_refund: '药店退费', inpatient_cancel: '住院结算撤销' };

export function registerQueueCommands(program: Command, ctx: CliContext): void {
  const queue = program.command('queue').description('离线队列 (status / flush / retry / resolve / export / drill)');

  queue
    .command('status')
    .description('队列概况；--json 输出机器可读的状态')
    .option('--json', '输出 JSON')
    .option('--items', '同时列出未完成的项目')
    .action(async (opts: { json?: boolean; items?: boolean }) => {
      const host = await ctx.openHost();
      const q = host.services.queue;
      const status = queueHandlers()['queue.status']({}, { client: ctx.client, session: undefined, services: host.services }) as ReturnType<typeof q.summary> & { flushingBy?: string };
      const open = opts.items || opts.json ? [...q.store.list({ state: 'queued', limit: 1000 }), ...q.store.list({ state: 'dead', limit: 1000 })].map((i) => viewOf(q, i)) : [];
      if (opts.json) return ctx.printJson({ ...status, items: open });
      ctx.print(`待上传 ${status.depth} 笔，合计 ${formatYuan(status.amountFen)} 元；失败待处理 ${status.dead} 笔；已上传 ${status.done} 笔；已人工处理 ${status.resolved} 笔`);
      if (status.backingOff) ctx.print(`其中 ${status.backingOff} 笔在等待重试间隔`);
      if (status.oldestQueuedAt) ctx.print(`最早一笔：${status.oldestQueuedAt}`);
      if (status.flushingBy) ctx.print(`正在上传：${status.flushingBy}`);
      for (const i of open) ctx.print(`#${i.id} ${KIND_TEXT[i.kind]} ${STATE_TEXT[i.state]} ${formatYuan(i.amountFen)}元 尝试${i.attempts}次 ${i.lastError ?? ''}`);
    });

  queue
    .command('flush')
    .description('立即上传到期的项目（显示进度）')
    .option('--json', '输出 JSON 结果')
    .action(async (opts: { json?: boolean }) => {
      const host = await ctx.openHost();
      const bar = new ProgressBar();
      const r = await host.services.queue.flush((p) => {
        if (!opts.json) bar.update({ done: p.done, total: p.total, label: '上传离线队列', rate: p.rate, etaSeconds: p.rate > 0 ? (p.total - p.done) / p.rate : undefined });
      }, { ignoreBackoff: true });
      if (opts.json) return ctx.printJson(r);
      bar.finish(`成功 ${r.succeeded} 笔，失败 ${r.failed} 笔（将自动重试），转人工 ${r.dead} 笔；剩余 ${r.remaining} 笔，用时 ${Math.ceil(r.durationMs / 100) / 10} 秒`);
      if (r.stoppedBecause === 'hub_unreachable') ctx.print('医保中心暂时无法连接，已停止；恢复后终端程序会自动继续上传。');
      if (r.dead > 0) process.exitCode = 1;
    });

  queue
    .command('retry <id>')
    .description('重新上传一笔失败的项目（被中心拒绝的步骤使用新的报文ID）')
    .action(async (id: string) => {
      const host = await ctx.openHost();
      const item = host.services.queue.retry(itemId(id), cliActor());
      ctx.print(`第 ${item.id} 项已重新排队；运行 yikatong queue flush 立即上传。`);
    });

  queue
    .command('resolve <id>')
    .description('把一笔失败项目标记为已人工处理（需说明）')
    .requiredOption('--note <text>', '处理说明，如“医保中心客服确认已结算”')
    .action(async (id: string, opts: { note: string }) => {
      const host = await ctx.openHost();
      const item = host.services.queue.resolve(itemId(id), cliActor(), opts.note);
      ctx.print(`第 ${item.id} 项已标记为人工处理。`);
    });

  queue
    .command('export')
    .description('导出队列（不含患者信息）')
    .option('--csv', 'CSV 格式（默认）')
    .option('--state <state>', 'queued / done / dead / resolved')
    .option('--out <file>', '写入文件（默认输出到屏幕）')
    .action(async (opts: { state?: string; out?: string }) => {
      const host = await ctx.openHost();
      const state = opts.state as 'queued' | 'done' | 'dead' | 'resolved' | undefined;
      if (state && !STATE_TEXT[state]) throw new AppError({ code: 'CLI_BAD_OPTION', message: `不认识的状态 ${state}`, hint: '可用：queued、done、dead、resolved。' });
      const csv = host.services.queue.exportCsv({ state }, cliActor());
      if (opts.out) {
        writeFileSync(opts.out, '\ufeff' + csv);
        ctx.print(`已导出到 ${opts.out}`);
      } else process.stdout.write(csv);
    });

  queue
    .command('drill')
    .description('培训模式：用培训患者生成 N 笔离线结算，供演练和性能测试')
    .requiredOption('--count <n>', '笔数')
    .action(async (opts: { count: string }) => {
      if (ctx.mode() !== 'training') throw new AppError({ code: 'QUEUE_DRILL_TRAINING_ONLY', message: '演练数据只能在培训模式下生成', hint: '使用 --mode training，或在培训模式的终端上运行。' });
      const count = Number(opts.count);
      if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new AppError({ code: 'CLI_BAD_OPTION', message: '--count 应为 1 到 100000 的整数', hint: '例如 yikatong queue drill --count 100' });
      const host = await ctx.openHost();
      const rows = drillRows(new TrainingCatalog());
      const bar = new ProgressBar();
      for (let i = 0; i < count; i++) {
        const payload = drillPayload(rows, i, { code: 'sy01', name: '培训收费员' });
        host.services.queue.enqueue({ kind: 'outpatient_settlement', payload, amountFen: payloadTotal(payload), operator: 'sy01' });
        if (i % 50 === 0 || i === count - 1) bar.update({ done: i + 1, total: count, label: '生成演练数据' });
      }
      bar.finish(`已加入 ${count} 笔培训患者的离线结算；运行 yikatong queue flush 上传。`);
    });
}

function itemId(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id <= 0) throw new AppError({ code: 'CLI_BAD_OPTION', message: `项目编号应为正整数：${text}`, hint: '用 yikatong queue status --items 查看编号。' });
  return id;
}
