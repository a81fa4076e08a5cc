import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { terminalMigrations } from '@src/database/terminal-db';
import { SealedBox } from '@src/platform/crypto/sealed-box';
import { databaseBefore } from '../../../test/helpers/migration-test';
import { chinaDay, SettlementStore } from './settlement-store';

const patient = { name: '张伟', idNumber: '320501197203150018', certType: '02', certNo: '320501197203150018' };

function store(now = new Date('2026-11-23T02:00:00Z')) {
  const db = databaseBefore(terminalMigrations, 10_000);
  const box = new SealedBox(randomBytes(32));
  return { db, s: new SettlementStore(db, () => box, () => now) };
}

function newRecord(s: SettlementStore, msgid: string) {
  return s.insertRecord({
    kind: 'outpatient', state: 'unknown', visitId: undefined, journalId: undefined, msgid, setlId: '', mdtrtId: 'M1', psnNo: 'P1', insutype: '310', insuplcAdmdvs: '320500',
    medType: '11', crossProvince: true, midStay: false, patient, figures: null, funds: [], lines: [], operator: 'sy01', operatorName: '王小红', note: '结算中',
  });
}

describe('settlement store', () => {
  it('keeps names and ID numbers sealed and finds records by ID number, exact name and setl_id', () => {
    const { db, s } = store();
    const id = newRecord(s, 'MSG1');
    s.completeRecord(id, { state: 'settled', setlId: 'S1', note: '结算成功' });
    const raw = JSON.stringify(db.prepare('SELECT * FROM settlement_records').all());
    expect(raw).not.toContain('张伟');
    expect(raw).not.toContain('320501197203150018');
    const q = { from: '2026-11-23', to: '2026-11-23', limit: 10 };
    expect(s.search({ ...q, idNumber: '320501197203150018' }).rows.map((r) => r.id)).toEqual([id]);
    expect(s.search({ ...q, patientName: '张伟' }).rows[0]!.patientName).toBe('张伟');
    expect(s.search({ ...q, patientName: '张' }).rows).toEqual([]);
    expect(s.search({ ...q, setlId: 'S1' }).rows[0]!.idMasked).toBe('320501********0018');
    expect(s.search({ ...q, from: '2026-11-24', to: '2026-11-24' }).rows).toEqual([]);
  });

  it('files a settlement under its China date and lists records left unknown by a crash', () => {
    expect(chinaDay(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
    const { s } = store();
    newRecord(s, 'MSG2');
    expect(s.unknownRecords().map((r) => r.msgid)).toEqual(['MSG2']);
  });
});
