// Catalogue sources for tests of the catalogue cache (src/catalog):
//  - trainingSource: the training catalogue's files, exactly as the training hub serves them
//    (13xx → data_cnt, 9102 → the zip), straight from src/training/catalog.
//  - scriptedSource: catalogues given row by row (for incremental changes, broken files).
// Both count their calls and can fail or damage a download on demand.
import { Readable } from 'node:stream';
import type { CatalogInfno } from '@src/catalog/catalog-kinds';
import type { CatalogSource, PreparedFile } from '@src/catalog/sync/catalog-source';
import { catalogLines, catalogEntryName } from '@src/training/catalog/catalog-file';
import { FEE_ITEM_COLUMNS, CODE_TABLE_COLUMNS } from '@src/training/catalog/catalog-row';
import type { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { zipTextStream } from '@src/training/catalog/zip-text';

export interface SourceHooks {
  /** Replace a data line (0-based row index) before it is zipped; return undefined to keep it. */
  line?(infno: CatalogInfno, index: number, line: string): string | undefined;
  /** Damage the zip bytes of a download. */
  bytes?(infno: CatalogInfno, zip: Buffer): Buffer;
  /** Throw from download (network failure, interruption). */
  failDownload?(infno: CatalogInfno, attempt: number): Error | undefined;
  /** Announce a different data_cnt than the file holds. */
  announce?(infno: CatalogInfno, rows: number): number | null;
}

export interface CountingSource extends CatalogSource {
  prepares: { infno: CatalogInfno; version: string }[];
  downloads: CatalogInfno[];
  hooks: SourceHooks;
}

async function bufferOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function* mapped(infno: CatalogInfno, lines: Iterable<string>, hooks: SourceHooks): Generator<string> {
  let i = -1;
  for (const l of lines) {
    yield i >= 0 ? (hooks.line?.(infno, i, l) ?? l) : l;
    i++;
  }
}

function sourceOver(rowsOf: (infno: CatalogInfno, version: string) => { count: number; lines: () => Iterable<string>; entry: string }, hooks: SourceHooks): CountingSource {
  const prepares: { infno: CatalogInfno; version: string }[] = [];
  const downloads: CatalogInfno[] = [];
  const attempts = new Map<CatalogInfno, number>();
  return {
    prepares,
    downloads,
    hooks,
    async prepare(infno, version): Promise<PreparedFile> {
      prepares.push({ infno, version });
      const { count } = rowsOf(infno, version);
      return { fileQueryNo: `${infno}:${version || '0'}`, filename: 'plc', rows: hooks.announce ? hooks.announce(infno, count) : count };
    },
    async download(infno, file): Promise<Readable> {
      const attempt = (attempts.get(infno) ?? 0) + 1;
      attempts.set(infno, attempt);
      const failure = hooks.failDownload?.(infno, attempt);
      if (failure) throw failure;
      downloads.push(infno);
      const version = file.fileQueryNo.split(':')[1] === '0' ? '' : file.fileQueryNo.split(':')[1]!;
      const { lines, entry } = rowsOf(infno, version);
      const zip = zipTextStream(entry, mapped(infno, lines(), hooks));
      if (!hooks.bytes) return zip;
      return Readable.from([hooks.bytes(infno, await bufferOf(zip))]);
    },
  };
}

/** The training catalogue's files, as the training hub serves them. */
export function trainingSource(catalog: TrainingCatalog, hooks: SourceHooks = {}): CountingSource {
  return sourceOver(
    (infno, version) => ({ count: catalog.countAfter(infno, version), lines: () => catalogLines(catalog, infno, version), entry: catalogEntryName(infno, version) }),
    hooks,
  );
}

export interface ScriptedRow {
  code: string;
  name: string;
  version: string;
  listType?: string;
  spec?: string;
  unit?: string;
  chrgitmLv?: string;
  selfpayProp?: string;
  priceCap?: string;
  valiFlag?: string;
  begndate?: string;
  enddate?: string;
  maker?: string;
}

export function feeLine(r: ScriptedRow): string {
  return [
    r.code, r.name, r.listType ?? '101', r.spec ?? '0.25g', '片剂', '24片/盒', r.unit ?? '片', r.maker ?? '训练制药有限公司', '国药准字H20200001',
    r.chrgitmLv ?? '01', r.selfpayProp ?? '0.0000', r.priceCap ?? '1.500000', '0', '', '09', '', r.begndate ?? '2025-01-01', r.enddate ?? '', r.valiFlag ?? '1',
    'rid', '2025-01-01 00:00:00', r.version,
  ].join('\t');
}

export function codeLine(r: ScriptedRow): string {
  return [r.code, r.name, r.code.slice(0, 3), '', r.begndate ?? '2025-01-01', r.enddate ?? '', r.valiFlag ?? '1', 'rid', '2025-01-01 00:00:00', r.version].join('\t');
}

/**
 * Catalogues given as rows; each row has a version, and a download with `version` returns the
 * rows newer than it (a row listed twice: the later entry is its newer state).
 */
export function scriptedSource(catalogs: Partial<Record<CatalogInfno, ScriptedRow[]>>, hooks: SourceHooks = {}): CountingSource & { catalogs: Partial<Record<CatalogInfno, ScriptedRow[]>> } {
  const src = sourceOver((infno, version) => {
    const rows = (catalogs[infno] ?? []).filter((r) => version === '' || r.version > version);
    const codeTable = ['1307', '1308', '1309', '1310', '1311', '1313', '1314', '1315'].includes(infno);
    const header = (codeTable ? CODE_TABLE_COLUMNS : FEE_ITEM_COLUMNS).join('\t');
    return { count: rows.length, lines: () => [header, ...rows.map(codeTable ? codeLine : feeLine)], entry: `${infno}.txt` };
  }, hooks);
  return Object.assign(src, { catalogs });
}
