// `npm run bench -- reconcile [--json] [--settlements N]`: the terminal's side of an end-of-day
// reconciliation for a busy day: N settlements (default 5000) in the hub journal.
//
// readDay: JournalSettlementSource.records(day): select the day's journal entries, open each
//   sealed answer (AES-256-GCM), decode it through the protocol schema, filter reversals.
// prepare: + group totals (3201) + the 3202 detail file text + classifying a result file of the
//   same size with 1 % mismatches — everything reconciliation does locally besides the hub calls.
// baseline: selecting the same rows with their readable columns only (no unsealing, no decoding).
// ratio = readDay / baseline. Shift and summary reports read the same source.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TerminalConfigSchema } from '@src/contract/config';
import { openTerminalDb } from '@src/database/terminal-db';
import { Hub } from '@src/hub/hub';
import { buildInfRefmsgid, buildMsgid, encodeResponse, formatRespondTime } from '@src/hub/protocol';
import { SealedBox } from '@src/platform/crypto/sealed-box';
import { classifyMismatches } from '@src/reconcile/classify';
import { buildDetailFile, type ResultRow } from '@src/reconcile/detail-file';
import { groupTotals, standardGroups } from '@src/reconcile/group-totals';
import { JournalSettlementSource } from '@src/reconcile/journal-settlement-source';
import type { BenchModule } from './main';
import { positiveIntegerOption } from './positive-integer-option';

function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

/** The optional fund columns the encoder wants as numbers. */
const ZERO_FUNDS = { act_pay_dedc: 0, hifp_pay: 0, cvlserv_pay: 0, hifes_pay: 0, hifmi_pay: 0, hifob_pay: 0, maf_pay: 0, oth_pay: 0, hifdm_pay: 0, hosp_part_amt: 0, acct_mulaid_pay: 0 };

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (ms: number): number => Math.round(ms * 10) / 10;

const bench: BenchModule = {
  description: 'end-of-day reconciliation, local side: read a day of settlements from the journal, totals, detail file, classify',
  async run(args) {
    const n = positiveIntegerOption(args, '--settlements', 5000);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yk-bench-reconcile-'));
    try {
      const db = openTerminalDb(path.join(dir, 'terminal.db'));
      const box = new SealedBox(randomBytes(32));
      const config = TerminalConfigSchema.parse({});
      const hub = new Hub({ db, config: () => config, sealer: () => box });
      const now = new Date();
      const stamp = formatRespondTime(now).replace(/\D/g, '').slice(0, 14);
      const setlTime = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
      const day = setlTime.slice(0, 10);
      db.transaction(() => {
        for (let i = 0; i < n; i++) {
          const msgid = buildMsgid('H31010100001', stamp, i % 10_000).slice(0, 26) + String(i).padStart(4, '0').slice(-4);
          const unique = `${msgid.slice(0, 20)}${String(i).padStart(10, '0')}`;
          const id = hub.journal.begin({ msgid: unique, infno: '2207', inputDigest: 'a'.repeat(64), requestBody: '{}', psnNo: `3100000000000000${String(i % 9999).padStart(4, '0')}`, insuplcAdmdvs: i % 3 === 0 ? '320500' : '310000', operator: 'sy01', deadlineAt: now });
          const medfee = 10_000 + (i % 997) * 13;
          const fund = Math.floor(medfee * 0.7);
          const body = encodeResponse('2207', {
            infcode: 0,
            inf_refmsgid: buildInfRefmsgid('310000', stamp, i),
            refmsg_time: formatRespondTime(now),
            respond_time: formatRespondTime(now),
            output: {
              setlinfo: { mdtrt_id: `M${i}`, setl_id: `S${i}`, psn_no: `P${i}`, insutype: '310', clr_type: '11', med_type: '11', setl_time: setlTime, medfee_sumamt: medfee, fulamt_ownpay_amt: 0, overlmt_selfpay: 0, preselfpay_amt: 0, inscp_scp_amt: medfee, fund_pay_sumamt: fund, psn_part_amt: medfee - fund, acct_pay: 0, psn_cash_pay: medfee - fund, medins_setl_id: unique, ...ZERO_FUNDS, hifp_pay: fund },
              setldetail: [],
            },
          });
          hub.journal.recordOutcome(id, { state: 'ok', infRefmsgid: buildInfRefmsgid('310000', stamp, i), responseBody: body });
        }
      })();
      const source = new JournalSettlementSource(db, hub);
      const range = { from: day, to: day };
      const reads: number[] = [];
      const baselines: number[] = [];
      const prepares: number[] = [];
      let records = source.records(range);
      if (records.length !== n) throw new Error(`expected ${n} records, read ${records.length}`);
      for (let k = 0; k < 5; k++) {
        baselines.push(timed(() => db.prepare(`SELECT id, msgid, infno, created_at, insuplc_admdvs, operator FROM hub_journal WHERE infno = '2207' AND state = 'ok'`).all()).ms);
        const r = timed(() => source.records(range));
        reads.push(r.ms);
        records = r.value;
        prepares.push(
          timed(() => {
            groupTotals(records, standardGroups('hospital'));
            buildDetailFile(records);
            const result: ResultRow[] = records.map((x, i) => ({ psnNo: x.psnNo, mdtrtId: x.mdtrtId, setlId: x.setlId, msgid: i % 100 === 0 ? '' : x.msgid, stmtRslt: i % 100 === 0 ? '1' : '0', refd: x.refd, memo: '', hubMedfee: x.medfee, hubFund: x.fund, hubAcct: x.acct }));
            return classifyMismatches(result, records).length;
          }).ms,
        );
      }
      db.close();
      const readDayMs = median(reads);
      const baselineMs = median(baselines);
      return { settlements: n, readDayMs: round(readDayMs), perSettlementUs: round((readDayMs * 1000) / n), prepareMs: round(median(prepares)), baselineMs: round(baselineMs), ratio: round(readDayMs / Math.max(baselineMs, 0.1)) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
