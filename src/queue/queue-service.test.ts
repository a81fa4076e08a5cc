import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@src/common/errors';
import { TerminalConfigSchema } from '@src/contract/config';
import { openTerminalDb } from '@src/database/terminal-db';
import { Hub } from '@src/hub/hub';
import { SealedBox } from '@src/platform/crypto/sealed-box';
import type { Db } from '@src/platform/db/open';
import { AuditLog } from '@src/audit/audit-log';
import { QueueService } from './queue-service';

let dir: string;
let db: Db;
let hub: Hub;
const box = new SealedBox(randomBytes(32));

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yk-qsvc-'));
  db = openTerminalDb(path.join(dir, 'terminal.db'));
  const config = TerminalConfigSchema.parse({ hub: { url: 'http://127.0.0.1:9/x' } });
  hub = new Hub({ db, config: () => config, sealer: () => box });
});
afterEach(() => {
  hub.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const payload = { cert: { type: '02', no: '320501197203150018' } };

describe('QueueService', () => {
  it('refuses to flush while another drainer holds the lease, naming it', async () => {
    const q = new QueueService({ db, hub, sealer: () => box });
    q.lease.tryAcquire('other-host/123', 60_000);
    await expect(q.flush()).rejects.toMatchObject({ code: 'QUEUE_BUSY', hint: expect.stringContaining('other-host/123') });
  });

  it('says clearly when the data key cannot be opened here, and points to the in-app queue screen', async () => {
    const locked = new QueueService({
      db,
      hub,
      sealer: () => {
        throw new AppError({ code: 'DATA_KEY_LOCKED', message: '数据密钥受系统密钥库保护', hint: '' });
      },
    });
    await expect(locked.flush()).rejects.toMatchObject({ code: 'QUEUE_KEY_UNAVAILABLE', hint: expect.stringContaining('离线队列') });
  });

  it('exports CSV without patient data, and reports depth and amount to the status bar', () => {
    const seen: { depth: number; amountFen: number }[] = [];
    const q = new QueueService({ db, hub, sealer: () => box, reportStatus: (s) => seen.push(s) });
    q.enqueue({ kind: 'outpatient_settlement', payload, amountFen: 12_345, operator: 'sy01' });
    const csv = q.exportCsv();
    expect(csv.split('\r\n')[0]).toMatch(/^id,kind,state/);
    expect(csv).toContain('123.45');
    expect(csv).not.toContain('320501197203150018');
    expect(seen.at(-1)).toMatchObject({ depth: 1, amountFen: 12_345 });
  });

  it('audits every item queued, a dead-letter with the hub\'s reason, IT\'s retry and resolve with the note, and an export', () => {
    const audit = new AuditLog(db, () => 'T01');
    const q = new QueueService({ db, hub, sealer: () => box, audit });
    const item = q.enqueue({ kind: 'refund', visitKey: 'settlement:7', payload, amountFen: 5_000, operator: 'sy01' });
    const claimed = q.store.claimNext('me', 60_000, new Set(), () => true)!;
    // What the drainer does when the hub refuses a first send (one transaction, hooks included).
    q.store.fail(claimed, { error: '该结算不允许退费 320501197203150018', counts: true, dead: true, retryInMs: 0, maxFailures: 8 });
    q.retry(item.id, 'it01');
    q.store.fail(q.store.claimNext('me', 60_000, new Set(), () => true)!, { error: 'refused', counts: true, dead: true, retryInMs: 0, maxFailures: 8 });
    q.resolve(item.id, 'it01', '已人工退费');
    q.exportCsv({}, 'it01');
    const entries = audit.list().reverse();
    expect(entries.map((e) => e.action)).toEqual(['queue.enqueued', 'queue.retry', 'queue.resolve', 'queue.exported']);
    expect(entries[0]).toMatchObject({ operator: 'sy01', subject: `queue:${item.id}`, terminalId: 'T01' });
    expect(entries[0]!.details).toMatchObject({ kind: 'refund', amountFen: 5_000, msgids: { '2208': item.msgids['2208'] } });
    expect(entries[1]!.details).toMatchObject({ lastError: expect.stringContaining('不允许退费') });
    expect(entries[2]).toMatchObject({ operator: 'it01', details: expect.objectContaining({ note: '已人工退费' }) });
    expect(JSON.stringify(entries)).not.toContain('320501197203150018');
    expect(audit.verify().ok).toBe(true);
  });
});
