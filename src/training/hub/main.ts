// `npm run hub -- --port <p> [--db file] [--catalog-rows N] [--fault …]`: the training hub alone,
// for drills, for the browser shell pointed at it, and for benchmarks.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { readCodeListFile } from '@src/training/catalog/icd-source';
import { DEFAULT_FEE_ITEM_ROWS, DEFAULT_SEED } from '@src/training/catalog/training-catalog';
import { FaultSpecError, parseFaultFlag, type FaultSpec } from './faults/fault-rules';
import { TrainingHub } from './training-hub';

/** The real code tables beside a checkout (../shared/data), used when present and not overridden. */
const DEFAULT_ICD10 = path.join('..', 'shared', 'data', 'icd10-yb2.0-diagnoses.txt');
const DEFAULT_ICD9 = path.join('..', 'shared', 'data', 'icd9cm3-yb2.0-procedures.txt');

function intOption(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`应为${min}到${max}之间的整数`);
    return n;
  };
}

function collectFault(value: string, previous: FaultSpec[]): FaultSpec[] {
  try {
    return [...previous, parseFaultFlag(value)];
  } catch (e) {
    throw new InvalidArgumentError(e instanceof FaultSpecError ? e.message : String(e));
  }
}

export function buildHubCommand(): Command {
  return new Command('hub')
    .description('训练用医保中心（模拟国家医保平台）— training hub on 127.0.0.1')
    .option('-p, --port <port>', '端口（0 = 任意空闲端口）', intOption(0, 65535), 0)
    .option('--host <host>', '监听地址（只应为本机）', '127.0.0.1')
    .option('--db <file>', '中心状态数据库文件', path.join('.yikatong-data', 'training-hub', 'training-hub.db'))
    .option('--catalog-rows <n>', `生成的收费目录行数（默认${DEFAULT_FEE_ITEM_ROWS}，可到1500000）`, intOption(0, 5_000_000), DEFAULT_FEE_ITEM_ROWS)
    .option('--seed <n>', '目录生成种子', intOption(0, 2 ** 31 - 1), DEFAULT_SEED)
    .option('--icd10 <file>', `ICD-10医保版诊断表（CODE NAME每行一条），用作1307目录（默认：存在时用 ${DEFAULT_ICD10}）`)
    .option('--icd9 <file>', `ICD-9-CM-3医保版手术操作表，用作1308目录（默认：存在时用 ${DEFAULT_ICD9}）`)
    .option('--fault <spec>', '故障注入，可重复：kind[@infno][*count][,ms=…,status=…,errMsg=…]', collectFault, [] as FaultSpec[])
    .helpOption('-h, --help', '显示帮助');
}

/** Starts the hub from command-line arguments; `print` receives the start banner (stdout by default). */
export async function runHub(argv: string[], print: (text: string) => void = (t) => void process.stdout.write(t)): Promise<TrainingHub> {
  const cmd = buildHubCommand();
  cmd.parse(argv, { from: 'user' });
  const o = cmd.opts<{ port: number; host: string; db: string; catalogRows: number; seed: number; icd10?: string; icd9?: string; fault: FaultSpec[] }>();
  if (!['127.0.0.1', 'localhost', '::1'].includes(o.host)) throw new InvalidArgumentError('训练中心只监听本机地址（127.0.0.1）');
  const diagnoses = readCodeListFile(o.icd10 ?? DEFAULT_ICD10);
  const procedures = readCodeListFile(o.icd9 ?? DEFAULT_ICD9);
  if (o.icd10 && !diagnoses) process.stderr.write(`未找到 ${o.icd10}，1307 使用内置常见诊断\n`);
  if (o.icd9 && !procedures) process.stderr.write(`未找到 ${o.icd9}，1308 使用内置常见手术操作\n`);
  const hub = await TrainingHub.start({
    dbFile: o.db,
    catalog: { seed: o.seed, feeItemRows: o.catalogRows, sources: { diagnoses, procedures } },
    faults: o.fault,
    port: o.port,
    host: o.host,
  });
  print(
    [
      `训练用医保中心已启动 (training hub listening)`,
      `  callService: ${hub.callServiceUrl}`,
      `  ec.query:    ${hub.ecQueryUrl}`,
      `  admin:       ${hub.baseUrl}/admin/`,
      `  state:       ${path.resolve(o.db)}`,
      `  catalogue:   ${hub.catalog.totalRows()} rows (1307: ${diagnoses ? `ICD-10 table, ${diagnoses.length} codes` : 'built-in common diagnoses'}; 1308: ${procedures ? `ICD-9-CM-3 table, ${procedures.length} codes` : 'built-in common procedures'})`,
      ...o.fault.map((f) => `  fault:       ${f.kind} @${f.infno}${f.count ? ` ×${f.count}` : ''}`),
      '',
    ].join('\n'),
  );
  return hub;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runHub(process.argv.slice(2)).then(
    (hub) => {
      const stop = (): void => {
        void hub.close().then(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e: unknown) => {
      process.stderr.write(`训练中心启动失败：${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
