import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { terminalMigrations } from '@src/database/terminal-db';
import { applyMigrations } from '@src/platform/db/migrate';
import { m0401QueueRefundKinds } from './0401-queue-refund-kinds';

const insertItem = (db: Database.Database, uid: string, kind: string, seq: number) =>
  db.prepare(`INSERT INTO queue_items (uid, kind, visit_key, seq, state, payload, msgids, amount_fen, operator, created_at, updated_at) VALUES (?, ?, 'v1', ?, 'queued', 'sealed', '{"2207":"m1"}', 1234, 'sy01', 'now', 'now')`).run(uid, kind, seq);

describe('migration 0401 queue-refund-kinds', () => {
  it('admits pharmacy refunds and inpatient cancellations, keeping every item and the offline visits that point at them', () => {
    // A terminal that already ran 0450 (offline visits reference queue_items) before this step.
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, terminalMigrations.filter((m) => m.id !== 401));
    const item = insertItem(db, 'a', 'outpatient_settlement', 1).lastInsertRowid;
    db.prepare(`INSERT INTO offline_settlements (queue_no, queue_item_id, state, patient, id_masked, insutype, medfee_fen, estimate_fund_fen, estimate_psn_fen, collect_rule, collected_fen, operator, created_at) VALUES ('LX-T-000001', ?, 'pending', 'sealed', '1101**', '310', 1234, 800, 434, 'full', 1234, 'sy01', 'now')`).run(item);
    expect(() => insertItem(db, 'b', 'pharmacy_refund', 2)).toThrow(/CHECK/);

    applyMigrations(db, terminalMigrations);

    expect(db.prepare('SELECT id, uid, kind, msgids, amount_fen FROM queue_items').all()).toEqual([{ id: item, uid: 'a', kind: 'outpatient_settlement', msgids: '{"2207":"m1"}', amount_fen: 1234 }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    insertItem(db, 'b', 'pharmacy_refund', 2);
    insertItem(db, 'c', 'inpatient_cancel', 3);
    expect(() => insertItem(db, 'd', 'something_else', 4)).toThrow(/CHECK/);
    expect(() => insertItem(db, 'e', 'refund', 1)).toThrow(/UNIQUE/);
    // The reference still holds: an offline visit cannot point at a missing item.
    expect(() => db.prepare(`INSERT INTO offline_settlements (queue_no, queue_item_id, state, patient, id_masked, insutype, medfee_fen, estimate_fund_fen, estimate_psn_fen, collect_rule, collected_fen, operator, created_at) VALUES ('LX-T-000009', 999, 'pending', 's', 'm', '310', 1, 1, 0, 'full', 1, 'sy01', 'now')`).run()).toThrow(/FOREIGN KEY/);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'queue_items' AND type = 'index' AND sql IS NOT NULL ORDER BY name").all()).toEqual([{ name: 'queue_items_open' }, { name: 'queue_items_visit' }]);
    expect(m0401QueueRefundKinds.id).toBe(401);
  });
});
