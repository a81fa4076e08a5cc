// Settlement's pending-reversal hook drained by the queue: a 2207 whose outcome is unknown and
// whose 2601 could not be delivered waits in settlement_pending_reversals; the next flush delivers
// it under the queue's lease (through settlement's own PendingReversals.deliver), once.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '@src/audit/audit-log';
import { pendingReversalSource } from '@src/queue/pending-reversal-source';
import { PendingReversals } from '@src/settlement/store/pending-reversals';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import type { TrainingHub } from '@src/training/hub/training-hub';
import { queueTerminal, startHub, tempDir, type QueueTerminal } from './queue-test-kit';

let tmp: ReturnType<typeof tempDir>;
let hub: TrainingHub;
let term: QueueTerminal;

beforeAll(async () => {
  tmp = tempDir('yk-queue-rev-');
  hub = await startHub(tmp.dir);
  term = queueTerminal(hub.callServiceUrl, tmp.dir);
});
afterAll(async () => {
  term.close();
  await hub.close();
  tmp.remove();
});

describe('pending reversals (settlement hook) in the queue flush', () => {
  it('delivers a waiting 2601 under the lease, marks it done, and counts it in the flush', async () => {
    const zhang = TRAINING_PATIENTS.find((p) => p.name === '张伟')!;
    // A 2207 that may have reached the hub (outcome unknown): what settlement hands to the hook.
    const msgid = term.t.hub.msgids.next();
    const journalId = term.t.hub.journal.begin({
      msgid,
      infno: '2207',
      context: 'settlement:test',
      inputDigest: createHash('sha256').update('x').digest('hex'),
      requestBody: '{}',
      psnNo: zhang.psnNo,
      mdtrtId: 'M-UNKNOWN',
      insuplcAdmdvs: zhang.insuredArea,
      deadlineAt: new Date(Date.now() - 1000),
    });
    term.t.hub.journal.recordOutcome(journalId, { state: 'unknown', failure: 'connection lost after sending' });
    const audit = new AuditLog(term.t.db, () => 'T07');
    const reversed: number[] = [];
    const pending = new PendingReversals(term.t.db, term.t.hub, audit, (id) => reversed.push(id), () => term.t.config);
    const rowId = pending.add(term.t.hub.journal.get(journalId)!, undefined, 'hub unreachable');

    const drainer = term.drainer();
    drainer.addSource(pendingReversalSource(pending));
    expect(drainer.sideDue()).toBe(1);
    const report = await drainer.flush();
    expect(report).toMatchObject({ total: 1, succeeded: 1 });
    expect(pending.listAll().find((p) => p.id === rowId)?.state).toBe('done');
    expect(term.t.hub.journal.get(journalId)?.resolution).toBe('reversed');
    // One 2601 for it in the journal (the hub never saw the original: the 2601 blocks that msgid).
    expect(term.t.hub.journal.byContext(`reversal:${msgid}`).filter((e) => e.state === 'ok')).toHaveLength(1);
    expect((await drainer.flush()).total).toBe(0);
  });
});
