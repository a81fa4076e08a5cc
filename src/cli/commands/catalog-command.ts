// `yikatong catalog`: the catalogue cache for IT staff (docs/catalog.md) — status, sync with a
// progress bar, search/lookup/barcode, integrity check, rebuild, and import of the institution's
// list and the pharmacy's barcodes. Uses services.catalog directly (the same file the app uses;
// a sync the app is running at the same time is refused with CATALOG_SYNC_BUSY).
import type { Command } from 'commander';
import { AppError } from '@src/common/errors';
import { formatScaled } from '@src/common/money';
import { isCatalogInfno, type CatalogInfno } from '@src/catalog/catalog-kinds';
import type { CatalogService } from '@src/catalog/catalog-service';
import type { ImportReport, ListKind } from '@src/catalog/local/list-import';
import { CATALOG_GROUPS, CHARGE_CLASS_LABELS, type CatalogGroup, type CatalogItem, type CatalogStatus, type SyncProgress } from '@src/contract/methods/catalog';
import { cliActor } from '../cli-actor';
import type { CliContext } from '../cli-context';
import { ProgressBar } from '../progress';

export function parseOnly(value: string | undefined): CatalogInfno[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(/[,，\s]+/).filter(Boolean);
  const bad = list.filter((v) => !isCatalogInfno(v));
  if (bad.length > 0 || list.length === 0) {
    throw new AppError({ code: 'CLI_BAD_CATALOG', message: `不认识的目录编号：${bad.join(',') || value}`, hint: '例如 --only 1301,1307；可用编号见 yikatong catalog status。' });
  }
  return list as CatalogInfno[];
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return 20;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new AppError({ code: 'CLI_BAD_NUMBER', message: `--limit 应为 1–500 的整数：${value}`, hint: '例如 --limit 20' });
  return n;
}

function parseGroup(value: string | undefined): CatalogGroup | undefined {
  if (value === undefined) return undefined;
  if (!(value in CATALOG_GROUPS)) throw new AppError({ code: 'CLI_BAD_GROUP', message: `不认识的分组：${value}`, hint: `可用：${Object.keys(CATALOG_GROUPS).join(' | ')}` });
  return value as CatalogGroup;
}

/** "5.00" → "5", "1.500000" → "1.50" (keeps `keep` decimals). */
function trimZeros(text: string, keep = 0): string {
  const [whole, fraction = ''] = text.split('.');
  const f = fraction.replace(/0+$/, '').padEnd(keep, '0');
  return f ? `${whole}.${f}` : whole!;
}

/** One line per item for a terminal: code, name, spec/unit, class, self-pay ratio, price cap. */
export function itemLine(i: CatalogItem): string {
  const cls = i.chargeClass ? CHARGE_CLASS_LABELS[i.chargeClass] : '';
  const selfpay = i.selfpayProp === null ? '' : ` 自付${trimZeros(formatScaled(i.selfpayProp, 2))}%`;
  const cap = i.priceCap === null ? '' : ` 限价${trimZeros(formatScaled(i.priceCap, 6), 2)}元`;
  const spec = [i.spec, i.unit].filter(Boolean).join('/');
  return `${i.infno} ${i.code}  ${i.name}${spec ? `  ${spec}` : ''}${cls ? `  ${cls}类` : ''}${selfpay}${cap}${i.valid ? '' : '  [停用]'}`;
}

function printStatus(ctx: CliContext, s: CatalogStatus): void {
  ctx.print(`目录缓存：共 ${s.totalRows} 条，最新版本 ${s.version || '（尚未同步）'}，院内目录 ${s.localItems} 条，药品条码 ${s.barcodes} 个，文件 ${Math.round(s.dbBytes / 1048576)} MB`);
  for (const c of s.catalogs) ctx.print(`  ${c.infno} ${c.title.padEnd(10, '　')} ${String(c.rows).padStart(8)} 条  版本 ${c.version || '—'}${c.syncedAt ? `  同步于 ${c.syncedAt.slice(0, 19).replace('T', ' ')}Z` : ''}`);
  if (s.syncing && s.progress) ctx.print(`正在同步：${s.progress.message}（${s.progress.percent}%）`);
  if (s.lastRun) {
    const r = s.lastRun;
    const state = { running: '进行中或被中断', applied: '成功', failed: '失败', cancelled: '已取消', abandoned: '已放弃' }[r.state];
    ctx.print(`上次同步 #${r.runId}：${state}，开始于 ${r.startedAt.slice(0, 19).replace('T', ' ')}Z${r.tookMs !== undefined ? `，用时 ${Math.round(r.tookMs / 1000)} 秒` : ''}`);
    for (const f of r.files) {
      ctx.print(`  ${f.infno} ${f.full ? '全量' : `增量(自 ${f.fromVersion})`} 读入 ${f.rows} 行，新增 ${f.added}，变更 ${f.changed}，无效 ${f.invalid}${f.duplicates ? `，重复 ${f.duplicates}` : ''}${f.toVersion ? `，版本 ${f.toVersion}` : ''}`);
      for (const x of f.invalidSamples.slice(0, 5)) ctx.print(`      第 ${x.line} 行 ${x.code || '（无编码）'}：${x.reason}`);
    }
    if (r.error) ctx.print(`  错误：${r.error.message}${r.error.hint ? ` → ${r.error.hint}` : ''}`);
  }
  if (s.resumable) ctx.print('有一次中断的同步：再次运行 yikatong catalog sync 会从中断处继续。');
  if (s.integrity) ctx.print(`完整性检查（${s.integrity.checkedAt.slice(0, 19).replace('T', ' ')}Z）：${s.integrity.ok ? '正常' : `发现问题：${s.integrity.problems.join('；')}`}`);
}

function printImport(ctx: CliContext, r: ImportReport): void {
  const what = r.kind === 'localList' ? '院内目录' : '药品条码';
  ctx.print(`${what}：读入 ${r.rows} 行，无效 ${r.invalid} 行，目录中找不到的编码 ${r.unmatched} 个，${r.imported ? '已导入' : '未导入'}`);
  for (const i of r.issues) ctx.print(`  第 ${i.line} 行：${i.reason}`);
  if (r.unmatchedCodes.length > 0) ctx.print(`  找不到的编码（前 ${r.unmatchedCodes.length} 个）：${r.unmatchedCodes.join(' ')}`);
}

async function runSync(ctx: CliContext, catalog: CatalogService, request: { only?: CatalogInfno[]; full?: boolean } | 'rebuild', json: boolean): Promise<void> {
  const bar = new ProgressBar();
  const started = request === 'rebuild' ? await catalog.rebuild() : await catalog.startSync(request);
  const onSignal = (): void => void catalog.cancelSync();
  process.once('SIGINT', onSignal);
  try {
    if (!json) ctx.print(`${started.resumed ? '继续中断的同步' : '开始同步'} #${started.runId}（按 Ctrl-C 取消，现有目录不受影响）`);
    const outcome = await started.done;
    const files = outcome.runs.flatMap((r) => r.files);
    if (!json) bar.finish();
    if (json) {
      ctx.printJson({ resumed: outcome.resumed, runs: outcome.runs, ...(outcome.trainingLists ? { trainingLists: outcome.trainingLists } : {}) });
      return;
    }
    ctx.print(`同步完成：${files.length} 个目录，读入 ${files.reduce((n, f) => n + f.rows, 0)} 行，无效 ${files.reduce((n, f) => n + f.invalid, 0)} 行`);
    for (const f of files.filter((x) => x.invalid > 0)) {
      ctx.print(`  ${f.infno} 无效 ${f.invalid} 行（已跳过）：`);
      for (const x of f.invalidSamples.slice(0, 5)) ctx.print(`      第 ${x.line} 行 ${x.code || '（无编码）'}：${x.reason}`);
    }
  } catch (e) {
    if (!json) bar.finish();
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
  }
}

export function registerCatalogCommands(program: Command, ctx: CliContext): void {
  const catalog = program.command('catalog').description('医保目录缓存 (status / sync / search / lookup / barcode / check / rebuild / import)');
  const service = async (): Promise<CatalogService> => (await ctx.openHost()).services.catalog;

  catalog
    .command('status')
    .description('各目录的版本、条数、上次同步（含无效行）和完整性检查结果')
    .option('--json', '输出 JSON')
    .action(async (opts: { json?: boolean }) => {
      const s = (await service()).status();
      if (opts.json) ctx.printJson(s);
      else printStatus(ctx, s);
    });

  catalog
    .command('sync')
    .description('从医保中心按版本同步目录（显示进度；中断后再次运行会继续）')
    .option('--only <infnos>', '只同步这些目录，例如 1301,1307')
    .option('--full', '全量下载（忽略本地版本）')
    .option('--json', '结束时输出 JSON')
    .action(async (opts: { only?: string; full?: boolean; json?: boolean }) => {
      const host = await ctx.openHost();
      const bar = new ProgressBar();
      if (!opts.json) {
        host.services.events.attach('cli-catalog', (event, payload) => {
          if (event !== 'catalog.syncProgress') return;
          const p = payload as SyncProgress;
          bar.update({ done: p.rows, total: p.totalRows, label: p.message, rate: p.rowsPerSec, etaSeconds: p.etaSeconds });
        });
      }
      const only = parseOnly(opts.only);
      await runSync(ctx, host.services.catalog, { ...(only ? { only } : {}), full: opts.full === true }, opts.json === true);
    });

  catalog
    .command('search <text>')
    .description('按编码、名称（任意一两个字以上）或拼音首字母查找')
    .option('--group <group>', `限定分组：${Object.keys(CATALOG_GROUPS).join(' | ')}`)
    .option('--only <infnos>', '只查这些目录，例如 1307')
    .option('--all', '包括已停用和未生效的条目')
    .option('--limit <n>', '最多显示条数（默认 20）')
    .option('--json', '输出 JSON')
    .action(async (text: string, opts: { group?: string; only?: string; all?: boolean; limit?: string; json?: boolean }) => {
      const catalogs = parseOnly(opts.only);
      const group = parseGroup(opts.group);
      const r = (await service()).search({ text, validToday: opts.all !== true, limit: parseLimit(opts.limit), ...(group ? { group } : {}), ...(catalogs ? { catalogs } : {}) });
      if (opts.json) {
        ctx.printJson(r);
        return;
      }
      if (r.items.length === 0) ctx.print('没有找到。可以换用编码、名称中的一两个字或拼音首字母再试。');
      for (const i of r.items) ctx.print(itemLine(i));
      if (r.truncated) ctx.print('……还有更多结果，请输入更多内容缩小范围。');
    });

  catalog
    .command('lookup <code>')
    .description('按医保编码精确查找一个条目')
    .option('--json', '输出 JSON')
    .action(async (code: string, opts: { json?: boolean }) => {
      const item = (await service()).lookup(code);
      if (opts.json) ctx.printJson(item);
      else if (item) ctx.print(itemLine(item));
      else {
        ctx.print(`目录中没有编码 ${code}`);
        process.exitCode = 1;
      }
    });

  catalog
    .command('barcode <barcode>')
    .description('按药品包装条码查找对应的医保目录条目')
    .option('--json', '输出 JSON')
    .action(async (barcode: string, opts: { json?: boolean }) => {
      const item = (await service()).byBarcode(barcode);
      if (opts.json) ctx.printJson(item);
      else if (item) ctx.print(itemLine(item));
      else {
        ctx.print(`条码 ${barcode} 没有对应的目录条目；可用 yikatong catalog import barcodes <文件> 导入条码对照表`);
        process.exitCode = 1;
      }
    });

  catalog
    .command('check')
    .description('检查目录数据库的完整性（PRAGMA integrity_check 和一致性）')
    .option('--json', '输出 JSON')
    .action(async (opts: { json?: boolean }) => {
      const r = await (await service()).checkIntegrity();
      if (opts.json) ctx.printJson(r);
      else ctx.print(r.ok ? `目录数据库完整（用时 ${r.tookMs} 毫秒）` : `目录数据库有问题：\n  ${r.problems.join('\n  ')}\n→ 运行 yikatong catalog rebuild 从医保中心重新下载（不影响结算记录）`);
      if (!r.ok) process.exitCode = 1;
    });

  catalog
    .command('rebuild')
    .description('丢弃本地目录数据库，从医保中心全部重新下载（不影响结算记录和待上传队列）')
    .option('--json', '结束时输出 JSON')
    .action(async (opts: { json?: boolean }) => {
      const host = await ctx.openHost();
      await runSync(ctx, host.services.catalog, 'rebuild', opts.json === true);
    });

  catalog
    .command('import <kind> <file>')
    .description('导入院内目录对照（kind = local）或药品条码对照（kind = barcodes），TSV 或 CSV')
    .option('--skip-invalid', '跳过无效行，导入其余行（默认：有无效行时不导入）')
    .option('--json', '输出 JSON')
    .action(async (kind: string, file: string, opts: { skipInvalid?: boolean; json?: boolean }) => {
      const kinds: Record<string, ListKind> = { local: 'localList', barcodes: 'barcodes' };
      const k = kinds[kind];
      if (!k) throw new AppError({ code: 'CLI_BAD_KIND', message: `不认识的导入类型：${kind}`, hint: '用 local（院内目录对照）或 barcodes（药品条码对照）。' });
      const host = await ctx.openHost();
      const report = host.services.catalog.importList(k, file, { actor: cliActor(), skipInvalid: opts.skipInvalid === true });
      host.services.audit.append({ action: 'catalog.import', operator: cliActor(), details: { kind: k, file, rows: report.rows, invalid: report.invalid, unmatched: report.unmatched, imported: report.imported } });
      if (opts.json) ctx.printJson(report);
      else printImport(ctx, report);
      if (!report.imported) process.exitCode = 1;
    });
}
