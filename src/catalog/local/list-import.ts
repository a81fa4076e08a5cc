// Imports the institution's own list (医疗机构目录 with its mapping medins_list_codg →
// med_list_codg) and the pharmacy's package barcodes, from the IT admin's file.
//
// An import replaces the list as a whole, in one transaction. A file with any invalid row is
// refused and nothing changes (the report names the lines), unless the admin asks to skip them:
// a half-read file must not silently drop mappings the counter relies on. Codes the catalogue
// does not (yet) hold are imported and reported as unmatched. The file is kept beside the
// database so a catalogue rebuilt after corruption gets its lists back (catalog-service.ts).
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '@src/common/errors';
import { DecimalFormatError, parseScaled, SCALE } from '@src/common/money';
import type { Db } from '@src/platform/db/open';
import { gs1CheckDigit } from './training-lists';
import { columnOf, readDelimitedFile, type DelimitedFile } from './delimited-file';

export type ListKind = 'localList' | 'barcodes';

export interface ImportIssue {
  line: number;
  reason: string;
}

export interface ImportReport {
  kind: ListKind;
  file: string;
  rows: number;
  invalid: number;
  unmatched: number;
  /** First invalid lines, with the reason. */
  issues: ImportIssue[];
  /** First codes the catalogue does not hold. */
  unmatchedCodes: string[];
  imported: boolean;
}

export interface ImportOptions {
  actor: string;
  /** Folder to keep a copy of the file in (undefined: no copy, e.g. re-import of a kept copy). */
  keepCopyIn?: string | undefined;
  skipInvalid?: boolean | undefined;
}

const MAX_ISSUES = 20;
const CODE = /^[^\s]{1,60}$/;

interface LocalRow {
  code: string;
  name: string;
  national: string;
  spec: string;
  unit: string;
  price: number | null;
}

function price(text: string): number | null | undefined {
  if (text === '') return null;
  try {
    const v = parseScaled(text, SCALE.price);
    return v < 0 ? undefined : v;
  } catch (e) {
    if (e instanceof DecimalFormatError) return undefined;
    throw e;
  }
}

function localRows(f: DelimitedFile, issues: ImportIssue[]): LocalRow[] {
  const h = f.header;
  const code = columnOf(h, ['medins_list_codg', '院内编码', '医疗机构目录编码', '本院编码', '院内项目编码'], { label: '院内编码' });
  const national = columnOf(h, ['med_list_codg', 'hilist_code', '医保编码', '国家编码', '医保目录编码'], { label: '医保编码' });
  const name = columnOf(h, ['medins_list_name', 'name', '院内名称', '项目名称', '名称'], { label: '院内名称' });
  const spec = columnOf(h, ['spec', '规格'], undefined);
  const unit = columnOf(h, ['prcunt', 'unit', '单位', '计价单位'], undefined);
  const pric = columnOf(h, ['pric', 'price', '单价', '价格'], undefined);
  const seen = new Set<string>();
  const out: LocalRow[] = [];
  for (const r of f.rows) {
    const get = (i: number): string => (i < 0 ? '' : (r.fields[i] ?? ''));
    const row = { code: get(code), name: get(name), national: get(national), spec: get(spec), unit: get(unit), price: price(get(pric)) };
    const reason = !CODE.test(row.code)
      ? '院内编码为空或含空白'
      : !CODE.test(row.national)
        ? '医保编码为空或含空白'
        : row.name === ''
          ? '院内名称为空'
          : row.price === undefined
            ? '单价不是非负小数（最多6位小数）'
            : seen.has(row.code)
              ? `院内编码 ${row.code} 重复`
              : undefined;
    if (reason) {
      issues.push({ line: r.line, reason });
      continue;
    }
    seen.add(row.code);
    out.push(row as LocalRow);
  }
  return out;
}

/** Barcodes: digits; GTIN-8/12/13/14 must carry a valid GS1 check digit (a mistyped code is caught). */
export function barcodeProblem(barcode: string): string | undefined {
  if (!/^\d{6,40}$/.test(barcode)) return '条码应为6到40位数字';
  if ([8, 12, 13, 14].includes(barcode.length) && gs1CheckDigit(barcode.slice(0, -1)) !== Number(barcode.at(-1))) return `条码 ${barcode} 校验位不正确`;
  return undefined;
}

function barcodeRows(f: DelimitedFile, issues: ImportIssue[]): { barcode: string; national: string }[] {
  const barcode = columnOf(f.header, ['barcode', '条码', '条形码', '商品条码', '包装条码'], { label: '条码' });
  const national = columnOf(f.header, ['med_list_codg', 'hilist_code', '医保编码', '国家编码', '医保目录编码'], { label: '医保编码' });
  const seen = new Set<string>();
  const out: { barcode: string; national: string }[] = [];
  for (const r of f.rows) {
    const b = r.fields[barcode] ?? '';
    const n = r.fields[national] ?? '';
    const reason = barcodeProblem(b) ?? (!CODE.test(n) ? '医保编码为空或含空白' : seen.has(b) ? `条码 ${b} 重复` : undefined);
    if (reason) {
      issues.push({ line: r.line, reason });
      continue;
    }
    seen.add(b);
    out.push({ barcode: b, national: n });
  }
  return out;
}

export function importList(db: Db, kind: ListKind, file: string, options: ImportOptions): ImportReport {
  const parsed = readDelimitedFile(file);
  const issues: ImportIssue[] = [];
  const rows = kind === 'localList' ? localRows(parsed, issues) : barcodeRows(parsed, issues);
  const nationals = kind === 'localList' ? (rows as LocalRow[]).map((r) => r.national) : (rows as { national: string }[]).map((r) => r.national);
  const known = db.prepare('SELECT 1 FROM item WHERE code = ? LIMIT 1').pluck();
  const unmatchedCodes = [...new Set(nationals)].filter((c) => known.get(c) === undefined);
  const report: ImportReport = {
    kind,
    file,
    rows: rows.length,
    invalid: issues.length,
    unmatched: unmatchedCodes.length,
    issues: issues.slice(0, MAX_ISSUES),
    unmatchedCodes: unmatchedCodes.slice(0, MAX_ISSUES),
    imported: false,
  };
  if (issues.length > 0 && !options.skipInvalid) return report;
  if (rows.length === 0) throw new AppError({ code: 'CATALOG_IMPORT_EMPTY', message: '文件中没有可导入的行', hint: '请确认选择了正确的导出文件。' });

  const at = new Date().toISOString();
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  let savedCopy: string | null = null;
  if (options.keepCopyIn) {
    mkdirSync(options.keepCopyIn, { recursive: true });
    savedCopy = path.join(options.keepCopyIn, `${kind}-${at.replace(/[:.]/g, '')}${path.extname(file) || '.txt'}`);
    copyFileSync(file, savedCopy);
  }
  db.transaction(() => {
    if (kind === 'localList') {
      db.prepare('DELETE FROM local_item').run();
      const add = db.prepare('INSERT INTO local_item (medins_list_codg, name, med_list_codg, spec, unit, price, source, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const r of rows as LocalRow[]) add.run(r.code, r.name, r.national, r.spec, r.unit, r.price, `import:${path.basename(file)}`, at);
    } else {
      db.prepare('DELETE FROM barcode').run();
      const add = db.prepare('INSERT INTO barcode (barcode, med_list_codg, source, imported_at) VALUES (?, ?, ?, ?)');
      for (const r of rows as { barcode: string; national: string }[]) add.run(r.barcode, r.national, `import:${path.basename(file)}`, at);
    }
    db.prepare('INSERT INTO list_import (kind, file_name, sha256, rows, invalid, unmatched, saved_copy, actor, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      kind,
      path.basename(file),
      sha256,
      rows.length,
      issues.length,
      unmatchedCodes.length,
      savedCopy,
      options.actor,
      at,
    );
  }).immediate();
  return { ...report, imported: true };
}

/**
 * The newest kept copy of each kind in `dir`. Read from the folder, not the database: after a
 * corruption the database is what cannot be trusted.
 */
export function latestSavedCopies(dir: string): { kind: ListKind; file: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return (['localList', 'barcodes'] as const).flatMap((kind) => {
    const newest = names.filter((n) => n.startsWith(`${kind}-`)).sort().at(-1);
    return newest ? [{ kind, file: path.join(dir, newest) }] : [];
  });
}
