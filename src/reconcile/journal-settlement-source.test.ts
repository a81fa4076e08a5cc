import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TerminalConfigSchema } from '@src/contract/config';
import { openTerminalDb } from '@src/database/terminal-db';
import { Hub } from '@src/hub/hub';
import { buildInfRefmsgid, encodeResponse, formatRespondTime, stringifyWire } from '@src/hub/protocol';
import { SealedBox } from '@src/platform/crypto/sealed-box';
import type { Db } from '@src/platform/db/open';
import { JournalSettlementSource } from './journal-settlement-source';

const ZERO = { act_pay_dedc: 0, hifp_pay: 0, cvlserv_pay: 0, hifes_pay: 0, hifmi_pay: 0, hifob_pay: 0, maf_pay: 0, oth_pay: 0, hifdm_pay: 0, hosp_part_amt: 0, acct_mulaid_pay: 0 };
const DAY = '2026-11-23';

let dir: string;
let db: Db;
let hub: Hub;
let seq = 0;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yk-reconcile-source-'));
  db = openTerminalDb(path.join(dir, 'terminal.db'));
  const box = new SealedBox(randomBytes(32));
  const config = TerminalConfigSchema.parse({});
  hub = new Hub({ db, config: () => config, sealer: () => box, now: () => new Date(`${DAY}T02:00:00Z`) });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function msgid(): string {
  return `H31010100001${DAY.replaceAll('-', '')}1000${String(++seq).padStart(6, '0')}`;
}

/** A journaled call with the given outcome; settlements answer a setlinfo at `setlTime`. */
function journal(infno: string, outcome: 'ok' | 'rejected' | 'unknown', o: { medfee?: number; setlTime?: string; request?: unknown } = {}): { id: number; msgid: string } {
  const m = msgid();
  const id = hub.journal.begin({ msgid: m, infno, inputDigest: 'a'.repeat(64), requestBody: stringifyWire(o.request ?? { input: {} }), operator: 'sy01', insuplcAdmdvs: '320500', deadlineAt: new Date(`${DAY}T02:00:10Z`) });
  if (outcome === 'unknown') hub.journal.recordOutcome(id, { state: 'unknown', failure: 'timeout' });
  else if (outcome === 'rejected') hub.journal.recordOutcome(id, { state: 'rejected', infcode: -1, errMsg: '拒绝' });
  else {
    const medfee = o.medfee ?? 1000;
    const now = new Date(`${DAY}T02:00:00Z`);
    const output = infno === '2601' ? undefined : { setlinfo: { mdtrt_id: `M${seq}`, setl_id: `S${seq}`, psn_no: 'P1', insutype: '310', med_type: '11', setl_time: o.setlTime ?? `${DAY} 10:00:00`, medfee_sumamt: medfee, fulamt_ownpay_amt: 0, overlmt_selfpay: 0, preselfpay_amt: 0, inscp_scp_amt: medfee, fund_pay_sumamt: medfee / 2, psn_part_amt: medfee / 2, acct_pay: 0, psn_cash_pay: medfee / 2, medins_setl_id: m, ...ZERO }, setldetail: [] };
    const body = encodeResponse(infno as '2207', { infcode: 0, inf_refmsgid: buildInfRefmsgid('310000', '20261123100000', seq), refmsg_time: formatRespondTime(now), respond_time: formatRespondTime(now), ...(output ? { output } : {}) } as never);
    hub.journal.recordOutcome(id, { state: 'ok', infRefmsgid: buildInfRefmsgid('310000', '20261123100000', seq), responseBody: body });
  }
  return { id, msgid: m };
}

describe('the terminal\'s settlements, from the hub journal', () => {
  it('counts answered settlements and refunds of the day, with the answer\'s amounts and clearing type', () => {
    const s = journal('2207', 'ok', { medfee: 1000 });
    journal('2208', 'ok', { medfee: -1000 });
    const records = new JournalSettlementSource(db, hub).records({ from: DAY, to: DAY });
    expect(records.map((r) => [r.kind, r.refd, r.medfee, r.clrType, r.insuplcAdmdvs, r.operator])).toEqual([
      ['settle', '0', 1000, '11', '320500', 'sy01'],
      ['cancel', '1', -1000, '11', '320500', 'sy01'],
    ]);
    expect(records[0]!.msgid).toBe(s.msgid);
  });

  it('leaves out refusals, unknown outcomes, calls resolved as not applied, and settlements reversed by 2601', () => {
    journal('2207', 'rejected');
    journal('2207', 'unknown');
    const notApplied = journal('2207', 'unknown');
    hub.journal.recordAttempt(notApplied.id, { method: 'manual', result: 'not_applied' });
    const reversed = journal('2207', 'ok');
    journal('2601', 'ok', { request: { input: { data: { psn_no: 'P1', omsgid: reversed.msgid, oinfno: '2207' } } } });
    const kept = journal('2207', 'ok');
    const source = new JournalSettlementSource(db, hub);
    expect(source.records({ from: DAY, to: DAY }).map((r) => r.msgid)).toEqual([kept.msgid]);
    expect(source.reversals({ from: DAY, to: DAY })).toEqual([expect.objectContaining({ omsgid: reversed.msgid, oinfno: '2207', operator: 'sy01' })]);
  });

  it('dates a settlement by the hub\'s setl_time (China time), not by when the journal row was written', () => {
    journal('2207', 'ok', { setlTime: '2026-11-24 00:30:00' });
    const source = new JournalSettlementSource(db, hub);
    expect(source.records({ from: DAY, to: DAY })).toEqual([]);
    expect(source.records({ from: '2026-11-24', to: '2026-11-24' })).toHaveLength(1);
  });

  it('joins the local settlement record by msgid (settlements) and refund msgid (refunds)', () => {
    const s = journal('2207', 'ok');
    const c = journal('2208', 'ok', { medfee: -1000 });
    const insert = db.prepare(`INSERT INTO settlement_records (kind, state, msgid, refund_msgid, mdtrt_id, psn_no, insutype, insuplc_admdvs, med_type, cross_province, name_sealed, id_sealed, id_hash, name_hash, id_masked, operator, operator_name, settled_at, settled_day)
      VALUES ('outpatient', 'refunded', ?, ?, 'M', 'P1', '310', '320500', '11', 1, 'x', 'x', 'h', 'h', 'm', 'sy01', '王小红', ?, ?)`);
    const id = Number(insert.run(s.msgid, c.msgid, `${DAY}T02:00:00Z`, DAY).lastInsertRowid);
    const records = new JournalSettlementSource(db, hub).records({ from: DAY, to: DAY });
    expect(records.map((r) => r.recordId)).toEqual([id, id]);
  });
});
