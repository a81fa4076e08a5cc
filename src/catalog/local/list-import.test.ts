import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogDb } from '@src/database/catalog-db';
import type { Db } from '@src/platform/db/open';
import { parseDelimited } from './delimited-file';
import { barcodeProblem, importList, latestSavedCopies } from './list-import';
import { gs1CheckDigit, seedTrainingLists, trainingBarcodeFor, trainingLocalCodeFor } from './training-lists';

describe('a delimited file from the HIS or a spreadsheet', () => {
  it('is TAB-separated when the header has a TAB, else CSV with quotes', () => {
    expect(parseDelimited('a\tb\r\n1\t2\n').rows).toEqual([{ line: 2, fields: ['1', '2'] }]);
    const csv = parseDelimited('院内编码,院内名称\nL1,"阿莫西林胶囊,0.25g"\nL2,"说""好"""\n"L3","两\n行"\n');
    expect(csv.header).toEqual(['院内编码', '院内名称']);
    expect(csv.rows.map((r) => r.fields)).toEqual([['L1', '阿莫西林胶囊,0.25g'], ['L2', '说"好"'], ['L3', '两\n行']]);
    expect(csv.rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('refuses an unclosed quote with the line number', () => {
    expect(() => parseDelimited('a,b\n1,"x\n')).toThrow(/第 2 行的引号没有闭合/);
  });
});

describe('importing the institution list and barcodes', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'yk-import-'));
    db = openCatalogDb(path.join(dir, 'catalog.db'));
    db.prepare("INSERT INTO item (infno, code, name_id, list_type, chrgitm_lv, begndate, enddate, vali_flag, ver, detail) VALUES ('1301', 'X1', 1, '101', '01', '', '', 1, 'v', '[]')").run();
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const file = (name: string, content: string | Buffer): string => {
    const f = path.join(dir, name);
    writeFileSync(f, content);
    return f;
  };

  it('imports a GB18030 CSV from Excel, maps local codes to national ones and keeps a copy', () => {
    const f = file('his.csv', iconv.encode('院内编码,院内名称,医保编码,规格,单位,单价\r\nL001,阿莫西林胶囊,X1,0.25g,粒,0.35\r\nL002,阿莫西林胶囊（大包装）,X1,0.25g,粒,\r\n', 'gb18030'));
    const r = importList(db, 'localList', f, { actor: 'it01', keepCopyIn: path.join(dir, 'kept') });
    expect(r).toMatchObject({ imported: true, rows: 2, invalid: 0, unmatched: 0 });
    expect(db.prepare('SELECT medins_list_codg, name, med_list_codg, price FROM local_item ORDER BY 1').all()).toEqual([
      { medins_list_codg: 'L001', name: '阿莫西林胶囊', med_list_codg: 'X1', price: 350_000 },
      { medins_list_codg: 'L002', name: '阿莫西林胶囊（大包装）', med_list_codg: 'X1', price: null },
    ]);
    expect(readdirSync(path.join(dir, 'kept'))).toHaveLength(1);
    expect(latestSavedCopies(path.join(dir, 'kept'))).toEqual([{ kind: 'localList', file: expect.stringContaining('localList-') }]);
  });

  it('refuses a file with invalid rows and changes nothing, naming the lines', () => {
    importList(db, 'localList', file('ok.tsv', 'medins_list_codg\tmedins_list_name\tmed_list_codg\nL1\t甲\tX1\n'), { actor: 't' });
    const bad = file('bad.tsv', 'medins_list_codg\tmedins_list_name\tmed_list_codg\tpric\nL1\t甲\tX1\t1.5\n\t乙\tX1\t\nL3\t丙\tX1\tabc\nL1\t丁\tX1\t\n');
    const r = importList(db, 'localList', bad, { actor: 't' });
    expect(r.imported).toBe(false);
    expect(r.issues).toEqual([
      { line: 3, reason: '院内编码为空或含空白' },
      { line: 4, reason: '单价不是非负小数（最多6位小数）' },
      { line: 5, reason: '院内编码 L1 重复' },
    ]);
    expect(db.prepare('SELECT count(*) FROM local_item').pluck().get()).toBe(1);
    expect(importList(db, 'localList', bad, { actor: 't', skipInvalid: true })).toMatchObject({ imported: true, rows: 1, invalid: 3 });
  });

  it('imports codes the catalogue does not hold yet, and reports them as unmatched', () => {
    const r = importList(db, 'localList', file('x.tsv', '院内编码\t院内名称\t医保编码\nL9\t新药\tX-NEW\n'), { actor: 't' });
    expect(r).toMatchObject({ imported: true, unmatched: 1, unmatchedCodes: ['X-NEW'] });
  });

  it('names a missing column and how it may be written', () => {
    expect(() => importList(db, 'localList', file('y.tsv', 'a\tb\n1\t2\n'), { actor: 't' })).toThrow(/缺少“院内编码”列/);
  });

  it('checks barcode check digits and refuses duplicates', () => {
    const good = trainingBarcodeFor('X1');
    const typo = good.slice(0, -1) + String((Number(good.at(-1)) + 1) % 10);
    const r = importList(db, 'barcodes', file('b.csv', `条码,医保编码\n${good},X1\n${typo},X1\n${good},X1\n12345678901234567890,X1\n`), { actor: 't' });
    expect(r.issues.map((i) => i.reason)).toEqual([`条码 ${typo} 校验位不正确`, `条码 ${good} 重复`]);
    expect(importList(db, 'barcodes', file('b2.csv', `条码,医保编码\n${good},X1\n12345678901234567890,X1\n`), { actor: 't' })).toMatchObject({ imported: true, rows: 2 });
  });
});

describe('training lists', () => {
  it('derive valid GTIN-13 barcodes and local codes deterministically from the national code', () => {
    const b = trainingBarcodeFor('XJ01CAA040A001010100001');
    expect(b).toMatch(/^69\d{11}$/);
    expect(barcodeProblem(b)).toBeUndefined();
    expect(trainingBarcodeFor('XJ01CAA040A001010100001')).toBe(b);
    expect(trainingBarcodeFor('XJ01CAA040A001010100002')).not.toBe(b);
    expect(trainingLocalCodeFor('X1')).toMatch(/^YN\d{10}$/);
    expect(gs1CheckDigit('690123456789')).toBe(2);
  });

  it('map the training scanner\'s sample codes to a drug of that name, or the nearest by its first characters', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yk-training-lists-'));
    const db = openCatalogDb(path.join(dir, 'catalog.db'));
    try {
      const name = db.prepare("INSERT INTO name (id, infno, text, norm, len, py_initials, py_full, ord) VALUES (?, '1301', ?, ?, ?, '', '', ?)");
      const item = db.prepare("INSERT INTO item (infno, code, name_id, list_type, chrgitm_lv, begndate, enddate, vali_flag, ver, detail) VALUES ('1301', ?, ?, '101', '01', '', '', 1, 'v', '[]')");
      name.run(1, '阿莫西林胶囊', '阿莫西林胶囊', 6, 1);
      name.run(2, '硝苯地平缓释片', '硝苯地平缓释片', 7, 2);
      item.run('XB2', 1);
      item.run('XB1', 1);
      item.run('XC1', 2);
      const r = seedTrainingLists(db, [
        { barcode: '6901234567892', drugName: '阿莫西林胶囊' },
        { barcode: '6923456789012', drugName: '硝苯地平控释片' },
        { barcode: '6934567890122', drugName: '不存在的药' },
        { barcode: '81234567890123456789', drugName: '培训样例药品追溯码' },
      ]);
      const map = db.prepare("SELECT barcode, med_list_codg FROM barcode WHERE barcode NOT LIKE '69%' OR barcode IN ('6901234567892', '6923456789012', '6934567890122') ORDER BY barcode").all();
      expect(map).toEqual([
        { barcode: '06901234567892', med_list_codg: 'XB1' },
        { barcode: '06923456789012', med_list_codg: 'XC1' },
        { barcode: '6901234567892', med_list_codg: 'XB1' },
        { barcode: '6923456789012', med_list_codg: 'XC1' },
      ]);
      expect(r.barcodes).toBeGreaterThanOrEqual(4);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
