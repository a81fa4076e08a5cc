import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '@src/platform/db/migrate';
import { auditMigrations } from './migrations';
import { AuditLog, canonicalJson } from './audit-log';

describe('the audit trail', () => {
  let db: Database.Database;
  let audit: AuditLog;
  beforeEach(() => {
    db = new Database(':memory:');
    applyMigrations(db, auditMigrations);
    audit = new AuditLog(db, () => 'T01');
  });

  it('records who did what, when, from which terminal, newest first', () => {
    audit.append({ action: 'operator.signIn', operator: 'sy01' });
    audit.append({ action: 'settlement.settled', operator: 'sy01', subject: 'SETL001', details: { fundFen: 1200 } });
    const [last, first] = audit.list();
    expect(first).toMatchObject({ seq: 1, action: 'operator.signIn', operator: 'sy01', terminalId: 'T01' });
    expect(last).toMatchObject({ seq: 2, subject: 'SETL001', details: { fundFen: 1200 } });
  });

  it('never stores a plain ID number or name', () => {
    audit.append({ action: 'settlement.settled', operator: 'sy01', details: { certno: '320501197203150018', psn_name: '张伟', note: '患者 320501197203150018' } });
    const raw = (db.prepare('SELECT details FROM audit_log').get() as { details: string }).details;
    expect(raw).not.toContain('320501197203150018');
    expect(raw).not.toContain('张伟');
  });

  it('verifies an intact chain', () => {
    for (let i = 0; i < 20; i++) audit.append({ action: 'config.changed', operator: 'it01', details: { i } });
    expect(audit.verify()).toEqual({ ok: true, entries: 20 });
  });

  it('names the first entry whose content was changed behind its back', () => {
    for (let i = 0; i < 5; i++) audit.append({ action: 'settlement.settled', operator: 'sy01', details: { fundFen: 100 * i } });
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET details = ? WHERE seq = 3").run(canonicalJson({ fundFen: 999999 }));
    expect(audit.verify()).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: expect.stringContaining('changed') } });
  });

  it('notices a deleted entry', () => {
    for (let i = 0; i < 5; i++) audit.append({ action: 'x', details: { i } });
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(audit.verify()).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: expect.stringContaining('missing') } });
  });

  it('notices an entry rewritten with a recomputed hash (the link to the next entry breaks)', () => {
    for (let i = 0; i < 4; i++) audit.append({ action: 'x', details: { i } });
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET hash = 'f00' WHERE seq = 2").run();
    const v = audit.verify();
    expect(v.ok).toBe(false);
    expect(v.firstBroken?.seq).toBe(2);
  });

  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe(canonicalJson({ a: { c: [3, { e: 0, f: 1 }], d: 2 }, b: 1 }));
  });
});
