import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openTerminalDb } from '@src/database/terminal-db';
import { SealedBox } from '@src/platform/crypto/sealed-box';
import type { Db } from '@src/platform/db/open';
import { HubJournal } from './hub-journal';

let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

const MSGID = 'H31010100001202403010830050700';

function journal(now: () => Date = () => new Date('2024-03-01T00:30:05Z')) {
  db = openTerminalDb(':memory:');
  const box = new SealedBox(randomBytes(32));
  return { j: new HubJournal(db, () => box, now), box };
}

function begin(j: HubJournal, msgid = MSGID, deadline = new Date('2024-03-01T00:30:15Z')) {
  return j.begin({ msgid, infno: '2207', context: 'settlement:1', inputDigest: 'd'.repeat(64), requestBody: '{"input":{"certno":"320501197203150018"}}', psnNo: 'P1', mdtrtId: 'M1', insuplcAdmdvs: '320500', operator: 'sy01', deadlineAt: deadline });
}

describe('hub journal', () => {
  it('records a call as pending with its keys readable and its request sealed', () => {
    const { j } = journal();
    const id = begin(j);
    expect(j.get(id)).toMatchObject({ msgid: MSGID, infno: '2207', state: 'pending', context: 'settlement:1', psnNo: 'P1', mdtrtId: 'M1', insuplcAdmdvs: '320500', operator: 'sy01', sends: 1, unresolved: false });
    const raw = db!.prepare('SELECT request FROM hub_journal WHERE id = ?').get(id) as { request: string };
    expect(raw.request).not.toContain('320501197203150018');
    expect(j.requestBody(id)).toContain('320501197203150018');
  });

  it('binds the sealed request to its msgid', () => {
    const { j } = journal();
    const a = begin(j);
    const b = begin(j, 'H31010100001202403010830050701');
    db!.prepare('UPDATE hub_journal SET request = (SELECT request FROM hub_journal WHERE id = ?) WHERE id = ?').run(a, b);
    expect(() => j.requestBody(b)).toThrow(/加密数据无法解开/);
  });

  it('writes each outcome', () => {
    const { j } = journal();
    const ok = begin(j, 'H31010100001202403010830050701');
    j.recordOutcome(ok, { state: 'ok', infRefmsgid: '310000202403010830050000000001', responseBody: '{"infcode":0}' });
    expect(j.get(ok)).toMatchObject({ state: 'ok', infcode: 0, infRefmsgid: '310000202403010830050000000001', unresolved: false });
    expect(j.responseBody(ok)).toBe('{"infcode":0}');
    const rejected = begin(j, 'H31010100001202403010830050702');
    j.recordOutcome(rejected, { state: 'rejected', infcode: -1, errMsg: '无备案' });
    expect(j.get(rejected)).toMatchObject({ state: 'rejected', infcode: -1, errMsg: '无备案', unresolved: false });
    const unknown = begin(j, 'H31010100001202403010830050703');
    j.recordOutcome(unknown, { state: 'unknown', failure: 'timeout' });
    expect(j.get(unknown)).toMatchObject({ state: 'unknown', failure: 'timeout', unresolved: true });
    expect(j.listUnresolved().map((e) => e.id)).toEqual([unknown]);
  });

  it('counts a pending entry past its deadline as cut off, and recovers it as unknown', () => {
    let now = new Date('2024-03-01T00:30:05Z');
    const { j } = journal(() => now);
    const id = begin(j);
    expect(j.listUnresolved()).toEqual([]);
    now = new Date('2024-03-01T00:31:00Z');
    expect(j.get(id)?.unresolved).toBe(true);
    expect(j.recoverStale()).toBe(1);
    expect(j.get(id)).toMatchObject({ state: 'unknown' });
  });

  it('records attempts; a conclusive one resolves the entry', () => {
    const { j } = journal();
    const id = begin(j);
    j.recordOutcome(id, { state: 'unknown', failure: 'timeout' });
    j.recordAttempt(id, { method: 'query', result: 'still_unknown', msgid: 'H31010100001202403010830050709', detail: 'too soon' });
    expect(j.get(id)?.unresolved).toBe(true);
    j.recordAttempt(id, { method: 'reverse', result: 'reversed', msgid: 'H31010100001202403010830050710', operator: 'sy01' });
    expect(j.get(id)).toMatchObject({ resolution: 'reversed', resolvedBy: 'reverse:H31010100001202403010830050710', unresolved: false });
    expect(j.attempts(id).map((a) => [a.method, a.result])).toEqual([
      ['query', 'still_unknown'],
      ['reverse', 'reversed'],
    ]);
  });

  it('marks a resend as pending again with one more send', () => {
    const { j } = journal();
    const id = begin(j);
    j.recordOutcome(id, { state: 'unknown', failure: 'timeout' });
    j.beginResend(id, new Date('2024-03-01T00:40:00Z'));
    expect(j.get(id)).toMatchObject({ state: 'pending', sends: 2, deadlineAt: '2024-03-01T00:40:00.000Z' });
    expect(j.byContext('settlement:1').map((e) => e.id)).toEqual([id]);
  });
});
