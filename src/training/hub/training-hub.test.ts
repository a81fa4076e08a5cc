import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { DAY_MS } from './hub-clock';
import { MinimalHubClient } from './testing/minimal-hub-client';
import { TrainingHub } from './training-hub';

const catalog = new TrainingCatalog({ feeItemRows: 500 });
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('TrainingHub', () => {
  it('keeps its state across a restart: patients seeded once, clock offset, and answers by msgid', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'training-hub-restart-'));
    dirs.push(dir);
    const dbFile = path.join(dir, 'hub.db');
    const zhang = TRAINING_PATIENTS[0]!;

    const first = await TrainingHub.start({ dbFile, catalog });
    const client = new MinimalHubClient(first.baseUrl);
    await client.signIn();
    first.clock.advance(3 * DAY_MS);
    const body = client.body('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: zhang.idNumber } });
    const answer = await client.send('1101', body);
    const today = first.clock.today();
    await first.close();

    const second = await TrainingHub.start({ dbFile, catalog });
    try {
      expect((second.db.prepare('SELECT COUNT(*) AS n FROM persons').get() as { n: number }).n).toBe(TRAINING_PATIENTS.length);
      expect(second.clock.today()).toBe(today);
      const again = new MinimalHubClient(second.baseUrl);
      expect((await again.send('1101', body)).text).toBe(answer.text);
    } finally {
      await second.close();
    }
  });

  it('reset empties the state and re-seeds relative to the real date', async () => {
    const hub = await TrainingHub.start({ dbFile: ':memory:', catalog });
    try {
      hub.clock.advance(400 * DAY_MS);
      hub.faults.add({ kind: 'latency', infno: '*', ms: 1 });
      hub.reset();
      expect(hub.clock.offset()).toBe(0);
      expect(hub.faults.list()).toEqual([]);
      const li = hub.db.prepare("SELECT begndate FROM filings f JOIN persons p ON p.psn_no = f.psn_no WHERE p.psn_name = '李娜'").get() as { begndate: string };
      const days = (Date.parse(hub.clock.today()) - Date.parse(li.begndate)) / DAY_MS;
      expect(days).toBe(30);
    } finally {
      await hub.close();
    }
  });
});
