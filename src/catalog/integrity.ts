// Is the catalogue file sound? SQLite's own integrity_check, the trigram index's structure, and
// the cache's invariants (every item has its name, row counts match the recorded ones).
// Run on demand (catalogue screen, `yikatong catalog check`, doctor) and at start after an unclean
// stop; a failure leads to a rebuild from the hub (catalog-service.ts), never to terminal.db.
import type { IntegrityResult } from '@src/contract/methods/catalog';
import type { Db } from '@src/platform/db/open';

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function checkCatalogIntegrity(db: Db): IntegrityResult {
  const started = performance.now();
  const problems: string[] = [];
  try {
    const findings = (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (!(findings.length === 1 && findings[0] === 'ok')) problems.push(...findings.map((f) => `数据库校验：${f}`));
    if (problems.length === 0) {
      try {
        db.exec("INSERT INTO name_fts (name_fts) VALUES ('integrity-check')");
      } catch (e) {
        problems.push(`全文索引损坏：${message(e)}`);
      }
      const dangling = Number(db.prepare('SELECT count(*) FROM item WHERE NOT EXISTS (SELECT 1 FROM name WHERE name.id = item.name_id)').pluck().get());
      if (dangling > 0) problems.push(`${dangling} 个目录条目缺少名称记录`);
      const count = db.prepare('SELECT count(*) FROM item WHERE infno = ?').pluck();
      for (const s of db.prepare('SELECT infno, row_count FROM catalog_state').all() as { infno: string; row_count: number }[]) {
        const n = Number(count.get(s.infno));
        if (n !== s.row_count) problems.push(`目录 ${s.infno} 记录 ${s.row_count} 行，实有 ${n} 行`);
      }
    }
  } catch (e) {
    problems.push(`无法读取目录数据库：${message(e)}`);
  }
  const result: IntegrityResult = { ok: problems.length === 0, checkedAt: new Date().toISOString(), tookMs: Math.round(performance.now() - started), problems: problems.slice(0, 20) };
  try {
    db.prepare("INSERT INTO catalog_meta (key, value) VALUES ('last_integrity', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(result));
  } catch {
    // A database too damaged to record the result: the caller acts on the returned value.
  }
  return result;
}

export function lastIntegrity(db: Db): IntegrityResult | undefined {
  const v = db.prepare("SELECT value FROM catalog_meta WHERE key = 'last_integrity'").pluck().get() as string | undefined;
  return v ? (JSON.parse(v) as IntegrityResult) : undefined;
}
