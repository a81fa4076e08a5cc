// `yikatong doctor`: the catalogue cache — is there a catalogue, did the last sync work, is an
// interrupted sync waiting, what did the last integrity check find (docs/catalog.md).
import type { CatalogStatus } from '@src/contract/methods/catalog';
import type { Host } from '@src/host/host';
import type { CheckResult, DoctorCheck } from './doctor-check';

/** Days after which a catalogue is called old (the hub publishes changes several times a month). */
const STALE_DAYS = 30;

export function catalogFindings(s: CatalogStatus, mode: 'training' | 'live', now: Date = new Date()): CheckResult[] {
  const out: CheckResult[] = [];
  if (s.totalRows === 0) {
    // Training mode: the app downloads the training catalogue by itself at its next start.
    out.push({
      status: mode === 'live' ? 'fail' : 'warn',
      message: '本地没有医保目录：收费时无法按名称或拼音查找项目',
      fix: mode === 'live' ? '连接医保中心后运行 yikatong catalog sync（或在“目录”页面按“同步”）。' : '培训模式下终端程序启动后会自动下载培训目录；也可以运行 yikatong catalog sync。',
    });
  } else {
    const synced = s.catalogs.map((c) => c.syncedAt).filter((x): x is string => !!x).sort();
    const oldest = synced[0];
    const ageDays = oldest ? (now.getTime() - Date.parse(oldest)) / 86_400_000 : Infinity;
    const empty = s.catalogs.filter((c) => c.rows === 0).map((c) => c.infno);
    const base = `共 ${s.totalRows} 条，最新版本 ${s.version}${empty.length > 0 ? `；无数据的目录：${empty.join(',')}` : ''}`;
    if (ageDays > STALE_DAYS) out.push({ status: 'warn', message: `${base}；最早的目录 ${Math.floor(ageDays)} 天未同步`, fix: '运行 yikatong catalog sync 获取最新目录（价格上限、甲乙类可能已调整）。' });
    else out.push({ status: 'ok', message: base });
  }
  const run = s.lastRun;
  if (s.resumable && run) {
    out.push({ status: 'warn', message: `同步 #${run.runId} 被中断${run.error ? `：${run.error.message}` : ''}`, fix: '再次运行 yikatong catalog sync 会从中断处继续；现有目录可正常使用。' });
  } else if (run && run.state === 'failed') {
    out.push({ status: 'warn', message: `上次同步失败：${run.error?.message ?? '原因未记录'}`, fix: run.error?.hint ?? '检查医保中心连接后重新同步。' });
  }
  const invalid = run?.files.reduce((n, f) => n + f.invalid, 0) ?? 0;
  if (run && invalid > 0) out.push({ status: 'warn', message: `上次同步跳过了 ${invalid} 行无效数据`, fix: 'yikatong catalog status 列出行号和原因；如影响收费，请把它们报给医保中心。' });
  if (s.integrity && !s.integrity.ok) {
    out.push({ status: 'fail', message: `目录数据库完整性检查未通过：${s.integrity.problems.slice(0, 3).join('；')}`, fix: '运行 yikatong catalog rebuild 从医保中心重新下载（不影响结算记录）。' });
  }
  return out;
}

export const catalogCheck: DoctorCheck = {
  name: '医保目录',
  async run(host: Host) {
    return catalogFindings(host.services.catalog.status(), host.services.mode);
  },
};
