// Reconciliation disagreements for drills (issue 9): make the hub's books differ from the
// terminal's in the three ways that happen in real life, then let 3201/3202 find them.
//   hubLost        the hub "lost" a settlement: it disappears from the hub's statements.
//   amountChanged  the hub's amount for a settlement differs (medfee and fund by deltaFen).
//   terminalLost   the hub has a settlement the terminal never heard of (a real one, made here
//                  for a training patient, with a msgid the terminal never sent).
import { lineAmount } from '@src/common/money';
import { stringify } from 'lossless-json';
import { buildMsgid } from '@src/hub/protocol/msgid';
import { transactions } from '@src/hub/protocol/transactions';
import { formatStamp } from '@src/hub/protocol/time';
import type { Db } from '@src/platform/db/open';
import type { TrainingCatalog } from '@src/training/catalog/training-catalog';
import type { HubClock } from '../hub-clock';
import type { HubContext, HubSettings } from '../core/hub-context';
import { refuse } from '../core/hub-refusal';
import { newMdtrtId } from '../core/ids';
import { appendLedger } from '../core/ledger';
import { requirePerson } from '../core/persons';
import { splitIncoming, storeLines } from '../core/fee-lines';
import { computeSettlement, findSettlement, recordSettlement } from '../core/settlement-service';
import { hubInstitution } from '../training-institutions';

export type DisagreementKind = 'hubLost' | 'amountChanged' | 'terminalLost';

export interface DisagreementRequest {
  kind: DisagreementKind;
  setl_id?: string;
  deltaFen?: number;
  psn_no?: string;
  fixmedins_code?: string;
}

export interface DisagreementResult {
  kind: DisagreementKind;
  setl_id: string;
  msgid: string;
  note: string;
}

interface Deps {
  db: Db;
  clock: HubClock;
  catalog: TrainingCatalog;
  settings: HubSettings;
}

export function injectDisagreement(deps: Deps, req: DisagreementRequest): DisagreementResult {
  const { db } = deps;
  return db
    .transaction((): DisagreementResult => {
      const at = deps.clock.infTime();
      if (req.kind === 'hubLost' || req.kind === 'amountChanged') {
        const row = req.setl_id ? findSettlement(db, req.setl_id) : undefined;
        if (!row || row.state === 'reversed') refuse(`setl_id ${req.setl_id ?? ''} is not a settlement in the hub's books`);
        if (req.kind === 'hubLost') {
          db.prepare("UPDATE settlements SET stmt_hidden = 1, injected = 'hubLost' WHERE setl_id = ?").run(row.setl_id);
        } else {
          const delta = req.deltaFen ?? 100;
          if (!Number.isSafeInteger(delta) || delta === 0) refuse('deltaFen must be a non-zero integer');
          db.prepare("UPDATE settlements SET stmt_medfee_delta_fen = stmt_medfee_delta_fen + ?, injected = 'amountChanged' WHERE setl_id = ?").run(delta, row.setl_id);
        }
        const note = req.kind === 'hubLost' ? '对账演练：医保中心丢失该结算' : `对账演练：医保中心金额变动${req.deltaFen ?? 100}分`;
        appendLedger(db, { at, event: 'injected', infno: row.infno, msgid: row.msgid, setlId: row.setl_id, mdtrtId: row.mdtrt_id, psnNo: row.psn_no, note });
        return { kind: req.kind, setl_id: row.setl_id, msgid: row.msgid, note };
      }
      return settleBehindTheTerminal(deps, req, at);
    })
    .immediate();
}

/** A real outpatient settlement made at the hub alone: registration, one 甲类 service line, settlement. */
function settleBehindTheTerminal(deps: Deps, req: DisagreementRequest, at: string): DisagreementResult {
  const institution = hubInstitution(req.fixmedins_code ?? 'H31010100001');
  if (!institution || institution.kind !== 'hospital') refuse('fixmedins_code must be a training hospital');
  const person = requirePerson(deps.db, req.psn_no ?? '31000000000000005005');
  const now = deps.clock.now();
  // A msgid in the institution's format that the hub has never seen (checked below).
  const uniqueMsgid = uniqueInjectedMsgid(deps.db, buildMsgid(institution.code, formatStamp(now), 9000));
  const ctx: HubContext = {
    db: deps.db,
    clock: deps.clock,
    catalog: deps.catalog,
    settings: deps.settings,
    header: {
      infno: '2207', msgid: uniqueMsgid, mdtrtarea_admvs: institution.admdvs, insuplc_admdvs: person.insuplc_admdvs, recer_sys_code: 'YBXT', infver: 'V1.0',
      opter_type: '1', opter: 'drill', opter_name: '对账演练', inf_time: at, fixmedins_code: institution.code, fixmedins_name: institution.name,
    },
    institution,
    now,
    recordEffect: () => undefined,
    warn: () => undefined,
  };
  const mdtrtId = newMdtrtId(deps.db, institution.admdvs, now);
  deps.db.prepare(`INSERT INTO visits (mdtrt_id, psn_no, fixmedins_code, kind, insutype, med_type, begntime, ipt_otp_no, state, msgid, created_at)
    VALUES (?, ?, ?, 'outpatient', ?, '11', ?, ?, 'open', ?, ?)`).run(mdtrtId, person.psn_no, institution.code, person.insutype, at, `DRILL${mdtrtId.slice(-6)}`, uniqueMsgid, at);
  const service = firstClassAService(deps.catalog);
  const quantity = 10_000;
  const splits = splitIncoming(deps.catalog, [{ feedetl_sn: '1', med_list_codg: service.code, det_item_fee_sumamt: lineAmount(service.price, quantity), cnt: quantity, pric: service.price }]);
  storeLines(deps.db, mdtrtId, splits.map((s) => ({ split: s, code: service.code, chrgBchno: '1' })), uniqueMsgid);
  const comp = computeSettlement(ctx, { person, kind: 'outpatient', medType: '11', mdtrtId, visitDate: at.slice(0, 10), splits, useAccount: false });
  const out = recordSettlement(ctx, comp, { infno: '2207', certType: '02' });
  deps.db.prepare("UPDATE settlements SET injected = 'terminalLost' WHERE setl_id = ?").run(out.setlinfo.setl_id);
  // As if the hub had answered a 2207 whose answer never reached the terminal: 2601 can undo it.
  const answer = stringify({ infcode: 0, err_msg: null, warn_msg: null, output: transactions['2207'].output.encode(out) }) ?? '';
  deps.db.prepare('INSERT INTO messages (msgid, infno, fixmedins_code, input_digest, infcode, received_at, response, effect) VALUES (?, ?, ?, ?, 0, ?, ?, ?)').run(
    uniqueMsgid, '2207', institution.code, '', at, answer, JSON.stringify({ type: 'settle', setlId: out.setlinfo.setl_id }),
  );
  const note = '对账演练：医保中心有结算，机构无记录';
  appendLedger(deps.db, { at, event: 'injected', infno: '2207', msgid: uniqueMsgid, setlId: out.setlinfo.setl_id, mdtrtId, psnNo: person.psn_no, note });
  return { kind: 'terminalLost', setl_id: out.setlinfo.setl_id, msgid: uniqueMsgid, note };
}

function uniqueInjectedMsgid(db: Db, candidate: string): string {
  let seq = 9000;
  let id = candidate;
  while (db.prepare('SELECT 1 FROM settlements WHERE msgid = ?').get(id) || db.prepare('SELECT 1 FROM messages WHERE msgid = ?').get(id)) {
    seq++;
    id = candidate.slice(0, 26) + String(seq % 10000).padStart(4, '0');
  }
  return id;
}

/** The first valid 甲类 service item with a price (its cap). */
function firstClassAService(catalog: TrainingCatalog): { code: string; price: number } {
  for (let i = 0; i < catalog.count('1305'); i++) {
    const r = catalog.feeItem('1305', i);
    if (r.chrgitmLv === '01' && r.valiFlag === '1' && r.priceCap !== null && r.lmtUsedFlag === '0') return { code: r.code, price: r.priceCap };
  }
  return refuse('the training catalogue has no class A service item');
}

export function listDisagreements(db: Db): { setl_id: string; kind: string; msgid: string; medfee_delta_fen: number }[] {
  return db.prepare('SELECT setl_id, injected AS kind, msgid, stmt_medfee_delta_fen AS medfee_delta_fen FROM settlements WHERE injected IS NOT NULL ORDER BY rowid').all() as {
    setl_id: string;
    kind: string;
    msgid: string;
    medfee_delta_fen: number;
  }[];
}
