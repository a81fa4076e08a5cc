// Catalogue files through 1301–1321 + 9102: a zip with one TAB-separated text entry, header line,
// national code first, version last; `ver` = the local maximum version returns only newer rows;
// the paged queries page; the real ICD table is used for 1307 when present.
import { existsSync } from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_FILE_INFNOS } from '@src/hub/protocol/transactions';
import { FEE_ITEM_COLUMNS, CODE_TABLE_COLUMNS } from '@src/training/catalog/catalog-row';
import { RELEASE_VERSIONS } from '@src/training/catalog/catalog-releases';
import { readCodeListFile } from '@src/training/catalog/icd-source';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import type { TrainingHub } from '@src/training/hub/training-hub';
import type { MinimalHubClient } from '@src/training/hub/testing/minimal-hub-client';
import { signedInClient, startTempTrainingHub, type TempTrainingHub } from '@src/training/hub/testing/temp-training-hub';

const ICD10 = path.resolve(__dirname, '../../../shared/data/icd10-yb2.0-diagnoses.txt');
const icdPresent = existsSync(ICD10);
if (!icdPresent) console.warn(`[training-hub-catalog] ${ICD10} is absent: 1307 is checked against the built-in common diagnoses instead of the real ICD-10 table.`);

let fixture: TempTrainingHub;
let hub: TrainingHub;
let client: MinimalHubClient;
const catalog = new TrainingCatalog({ feeItemRows: 20_000, sources: { diagnoses: readCodeListFile(ICD10) } });

beforeAll(async () => {
  fixture = await startTempTrainingHub('training-hub-catalog-', catalog);
  hub = fixture.hub;
});
afterAll(() => fixture.close());
beforeEach(async () => {
  client = await signedInClient(hub, { reset: false });
});

function unzip(buf: Buffer): Promise<{ name: string; text: string }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out: { name: string; text: string }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, text: Buffer.concat(chunks).toString('utf8') });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function download(infno: (typeof CATALOG_FILE_INFNOS)[number], ver: string) {
  const out = await client.ok(infno, { data: { ver } });
  const entries = await unzip(await client.download(out.file_qury_no, 'plc'));
  expect(entries).toHaveLength(1);
  const lines = entries[0]!.text.split('\n').filter((l) => l !== '');
  return { out, name: entries[0]!.name, header: lines[0]!.split('\t'), rows: lines.slice(1).map((l) => l.split('\t')) };
}

describe('training hub catalogue files', () => {
  it('1301 is a zip of TAB-separated text: header line, national code first, version last, data_cnt rows', async () => {
    const f = await download('1301', '0');
    expect(f.header).toEqual([...FEE_ITEM_COLUMNS]);
    expect(f.out.data_cnt).toBe(catalog.count('1301'));
    expect(f.rows).toHaveLength(f.out.data_cnt!);
    for (const r of f.rows.slice(0, 200)) {
      expect(r).toHaveLength(FEE_ITEM_COLUMNS.length);
      expect(r[0]).toMatch(/^(X[A-Z]\d{2}[A-Z]{2}|ZA\d{2}[A-Z])D\d{3}[A-Z]\d{12,13}$/);
      expect(r[r.length - 1]).toMatch(/^\d{14}$/);
      expect(['01', '02', '03']).toContain(r[9]);
    }
    const versions = f.rows.map((r) => r[r.length - 1]!);
    expect([...versions].sort()).toEqual(versions);
  });

  it('ver = the local maximum version returns only newer rows; the latest version returns none', async () => {
    const full = await download('1306', '');
    const mid = RELEASE_VERSIONS[3]!;
    const newer = await download('1306', mid);
    expect(newer.rows.length).toBeGreaterThan(0);
    expect(newer.rows.length).toBeLessThan(full.rows.length);
    expect(newer.rows.every((r) => r[r.length - 1]! > mid)).toBe(true);
    expect(newer.rows.length).toBe(full.rows.filter((r) => r[r.length - 1]! > mid).length);
    const last = full.rows[full.rows.length - 1]!;
    const none = await download('1306', last[last.length - 1]!);
    expect(none.rows).toHaveLength(0);
    expect(none.out.data_cnt).toBe(0);
  });

  it('every catalogue infno answers a file; code tables have their own header', async () => {
    for (const infno of CATALOG_FILE_INFNOS) {
      const f = await download(infno, '0');
      expect(f.rows.length, infno).toBeGreaterThan(0);
      if (['1307', '1308', '1309', '1310', '1311', '1313', '1314', '1315'].includes(infno)) expect(f.header).toEqual([...CODE_TABLE_COLUMNS]);
    }
  });

  it.skipIf(!icdPresent)('1307 carries the real ICD-10 医保版 2.0 table when it is given', async () => {
    const f = await download('1307', '0');
    expect(f.rows.length).toBeGreaterThan(30_000);
    expect(f.rows.find((r) => r[0] === 'I10.x00')?.[1]).toBe('特发性（原发性）高血压');
  });

  it('the paged queries page through the catalogue (1312) and filter by update time and code (1318)', async () => {
    const p1 = await client.ok('1312', { data: { updt_time: '', page_num: 1, page_size: 100 } });
    expect(p1.data).toHaveLength(100);
    expect(p1.recordCounts).toBe(catalog.feeItemRows);
    expect(p1.pages).toBe(Math.ceil(catalog.feeItemRows / 100));
    const p2 = await client.ok('1312', { data: { updt_time: '', page_num: 2, page_size: 100 } });
    expect(p2.data[0]!.hilist_code).not.toBe(p1.data[0]!.hilist_code);
    const recent = await client.ok('1312', { data: { updt_time: '2026-06-30 00:00:00', page_num: 1, page_size: 10 } });
    expect(recent.recordCounts).toBeLessThan(p1.recordCounts!);
    const code = p1.data[0]!.hilist_code!;
    const one = await client.ok('1318', { data: { hilist_code: code, updt_time: '', page_num: 1, page_size: 10 } });
    expect(one.data).toHaveLength(1);
    expect(one.data[0]!.hilist_code).toBe(code);
  });

  it('9102 refuses an unknown file and a wrong file name', async () => {
    await expect(client.download('F3100000000', 'plc')).rejects.toThrow(/不存在/);
    const out = await client.ok('1302', { data: { ver: '0' } });
    await expect(client.download(out.file_qury_no, 'other.zip')).rejects.toThrow(/文件名/);
  });
});
