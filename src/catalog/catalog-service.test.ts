import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '@src/common/errors';
import { scriptedSource, type ScriptedRow } from '../../test/helpers/catalog-sources';
import { CatalogService } from './catalog-service';

const V1 = '20250101000000';
const drugs: ScriptedRow[] = Array.from({ length: 3000 }, (_, i) => ({ code: `XD${String(i).padStart(8, '0')}`, name: `训练药品${i % 300}号胶囊`, version: V1 }));
const diagnoses: ScriptedRow[] = [
  { code: 'E11.900', name: '2型糖尿病', version: V1 },
  { code: 'I10.x00', name: '高血压', version: V1 },
];

/** Overwrites pages in the middle of the file (what a failing disk or a torn write leaves). */
function damage(file: string): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  const junk = Buffer.alloc(4096 * 8, 0xa5);
  for (let at = 4096 * 2; at < size - junk.length; at += Math.floor(size / 6)) writeSync(fd, junk, 0, junk.length, at);
  closeSync(fd);
}

describe('the catalogue service', () => {
  let dir: string;
  let service: CatalogService | undefined;
  const source = scriptedSource({ '1301': drugs, '1307': diagnoses });
  const open = (): CatalogService => (service = new CatalogService({ file: path.join(dir, 'catalog.db'), dataDir: dir, mode: 'live', source: () => source, threaded: false }));

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'yk-catalog-service-'));
  });
  afterEach(async () => {
    await service?.close();
    service = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports versions, row counts, the last run and a sound integrity check after a sync', async () => {
    const s = open();
    expect(s.status()).toMatchObject({ totalRows: 0, version: '', syncing: false, resumable: false });
    await s.syncNow();
    const status = s.status();
    expect(status.totalRows).toBe(3002);
    expect(status.catalogs.find((c) => c.infno === '1301')).toMatchObject({ title: '西药中成药', version: V1, rows: 3000, syncedAt: expect.any(String) });
    expect(status.lastRun).toMatchObject({ state: 'applied' });
    const check = await s.checkIntegrity();
    expect(check).toMatchObject({ ok: true, problems: [] });
    expect(s.status().integrity).toMatchObject({ ok: true });
  });

  it('finds a damaged catalog.db at start after an unclean stop, moves it aside and rebuilds it from the hub, keeping the local lists and never touching terminal.db', async () => {
    const terminalDb = path.join(dir, 'terminal.db');
    writeFileSync(terminalDb, 'the journal and the queue live here');
    const s = open();
    await s.syncNow();
    const list = path.join(dir, 'his.tsv');
    writeFileSync(list, 'medins_list_codg\tmedins_list_name\tmed_list_codg\nL001\t院内胶囊\tXD00000007\n');
    expect(s.importList('localList', list, { actor: 'it01' }).imported).toBe(true);
    await s.close();
    service = undefined;

    damage(path.join(dir, 'catalog.db'));
    const again = open();
    await again.startupCheck(true);
    // The rebuild runs in the background; wait for its sync to finish.
    while (again.syncing) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(dir).some((n) => n.startsWith('catalog.db.corrupt-'))).toBe(true);
    expect(again.status().totalRows).toBe(3002);
    expect((await again.checkIntegrity()).ok).toBe(true);
    expect(again.localLookup('L001')).toMatchObject({ local: { name: '院内胶囊' }, item: { code: 'XD00000007' } });
    expect(readFileSync(terminalDb, 'utf8')).toBe('the journal and the queue live here');
  });

  it('opens over a file that is not a database at all and rebuilds it, answering CATALOG_CORRUPT meanwhile', async () => {
    writeFileSync(path.join(dir, 'catalog.db'), Buffer.alloc(8192, 0x42));
    const s = open();
    let error: unknown;
    try {
      s.search({ text: '胶囊', validToday: true, limit: 10 });
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe('CATALOG_CORRUPT');
    expect(isAppError(error) && error.hint).toContain('手工录入');
    await s.startupCheck(false);
    while (s.syncing) await new Promise((r) => setTimeout(r, 20));
    expect(s.search({ text: 'xlyp', validToday: true, limit: 5 }).items.length).toBe(5);
    expect(existsSync(path.join(dir, 'catalog.db'))).toBe(true);
  });

  it('says where the sync cannot come from when there is no hub', async () => {
    service = new CatalogService({ file: path.join(dir, 'catalog.db'), dataDir: dir, mode: 'live', source: () => undefined, threaded: false });
    await expect(service.startSync({})).rejects.toMatchObject({ code: 'CATALOG_NO_SOURCE', message: expect.stringContaining('医保中心') });
  });
});
