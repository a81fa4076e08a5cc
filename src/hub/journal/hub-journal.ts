// The hub journal (rule 2: journal before you send). A call with side effects is inserted —
// msgid, infno, digest of the canonical input, the sealed envelope and the caller's context —
// in a durable transaction (terminal.db is WAL + synchronous=FULL) *before* the request leaves;
// its outcome is written when it returns:
//   ok        answered, infcode 0 (the sealed answer is kept)
//   rejected  answered, infcode ≠ 0, or the gateway refused: nothing happened at the hub
//   not_sent  failed before any byte left: nothing happened
//   unknown   timeout, connection lost after sending, malformed answer: it may have happened
// An entry still `pending` after its deadline was cut off (crash, power cut) and counts as unknown.
// Unknown entries are resolved by HubOutcomeResolver; each attempt is recorded.
import type { Db } from '@src/platform/db/open';

/**
 * Seals journal payloads (request envelopes and answers hold patient data): the host passes the
 * data-key SealedBox (src/platform/crypto/sealed-box.ts); the msgid is bound as associated data,
 * so a sealed request moved to another entry does not open.
 */
export interface JournalSealer {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

export type JournalState = 'pending' | 'ok' | 'rejected' | 'not_sent' | 'unknown';
export type JournalResolution = 'confirmed' | 'not_applied' | 'reversed';
export type ResolutionMethod = 'query' | 'reverse' | 'resend' | 'manual';
export type AttemptResult = 'confirmed' | 'not_applied' | 'reversed' | 'still_unknown' | 'failed';

/** Resolution keys kept readable (not sealed): enough for 5203 and 2601. */
export interface JournalKeys {
  psnNo?: string | undefined;
  mdtrtId?: string | undefined;
  setlId?: string | undefined;
  /** The envelope's insuplc_admdvs (needed again for 5203/2601 about the same person). */
  insuplcAdmdvs?: string | undefined;
}

export interface JournalEntry extends JournalKeys {
  id: number;
  msgid: string;
  infno: string;
  /** The caller's key, e.g. "settlement:42" or "queue:17". */
  context?: string | undefined;
  /** sha256 hex of the canonical wire input. */
  inputDigest: string;
  operator?: string | undefined;
  state: JournalState;
  createdAt: string;
  deadlineAt: string;
  finishedAt?: string | undefined;
  /** How many times the request was sent (resends reuse the msgid). */
  sends: number;
  infcode?: number | undefined;
  infRefmsgid?: string | undefined;
  /** The hub's err_msg (business refusals). */
  errMsg?: string | undefined;
  /** English detail of a transport/protocol failure. */
  failure?: string | undefined;
  resolution?: JournalResolution | undefined;
  resolvedAt?: string | undefined;
  resolvedBy?: string | undefined;
  /** Outcome unknown and not yet resolved (state unknown, or pending past its deadline). */
  unresolved: boolean;
}

export interface ResolutionAttempt {
  id: number;
  journalId: number;
  method: ResolutionMethod;
  attemptedAt: string;
  result: AttemptResult;
  /** msgid of the 5203/2601 used, or of the resend. */
  msgid?: string | undefined;
  detail?: string | undefined;
  operator?: string | undefined;
}

export interface BeginEntry extends JournalKeys {
  msgid: string;
  infno: string;
  context?: string | undefined;
  inputDigest: string;
  /** The request body exactly as sent (sealed before it is stored). */
  requestBody: string;
  operator?: string | undefined;
  /** After this instant a still-pending entry counts as cut off. */
  deadlineAt: Date;
}

export type Outcome =
  | { state: 'ok'; infRefmsgid: string; responseBody: string }
  | { state: 'rejected'; infcode?: number | undefined; errMsg?: string | undefined; infRefmsgid?: string | undefined; failure?: string | undefined }
  | { state: 'not_sent'; failure: string }
  | { state: 'unknown'; failure: string };

interface Row {
  id: number;
  msgid: string;
  infno: string;
  context: string | null;
  input_digest: string;
  psn_no: string | null;
  mdtrt_id: string | null;
  setl_id: string | null;
  insuplc_admdvs: string | null;
  operator: string | null;
  state: JournalState;
  created_at: string;
  deadline_at: string;
  finished_at: string | null;
  sends: number;
  infcode: number | null;
  inf_refmsgid: string | null;
  err_msg: string | null;
  failure: string | null;
  resolution: JournalResolution | null;
  resolved_at: string | null;
  resolved_by: string | null;
}

const COLUMNS = 'id, msgid, infno, context, input_digest, psn_no, mdtrt_id, setl_id, insuplc_admdvs, operator, state, created_at, deadline_at, finished_at, sends, infcode, inf_refmsgid, err_msg, failure, resolution, resolved_at, resolved_by';

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export class HubJournal {
  constructor(
    private readonly db: Db,
    /** Called when a payload is sealed or opened, so a locked data key only affects calls that need it. */
    private readonly sealer: () => JournalSealer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records a call before it is sent. Returns the entry id. The write is durable when this returns. */
  begin(e: BeginEntry): number {
    const r = this.db
      .prepare(
        `INSERT INTO hub_journal (msgid, infno, context, input_digest, request, psn_no, mdtrt_id, setl_id, insuplc_admdvs, operator, state, created_at, deadline_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
      )
      .run(e.msgid, e.infno, e.context ?? null, e.inputDigest, this.sealer().seal(e.requestBody, e.msgid), e.psnNo ?? null, e.mdtrtId ?? null, e.setlId ?? null, e.insuplcAdmdvs ?? null, e.operator ?? null, this.now().toISOString(), e.deadlineAt.toISOString());
    return Number(r.lastInsertRowid);
  }

  /** A resend of the same request (same msgid) is about to leave. */
  beginResend(id: number, deadlineAt: Date): void {
    this.db.prepare(`UPDATE hub_journal SET state = 'pending', sends = sends + 1, deadline_at = ?, finished_at = NULL WHERE id = ?`).run(deadlineAt.toISOString(), id);
  }

  recordOutcome(id: number, outcome: Outcome): void {
    const finished = this.now().toISOString();
    const msgid = this.msgidOf(id);
    switch (outcome.state) {
      case 'ok':
        this.db
          .prepare(`UPDATE hub_journal SET state = 'ok', finished_at = ?, infcode = 0, inf_refmsgid = ?, response = ?, err_msg = NULL, failure = NULL WHERE id = ?`)
          .run(finished, outcome.infRefmsgid, this.sealer().seal(outcome.responseBody, msgid), id);
        return;
      case 'rejected':
        this.db
          .prepare(`UPDATE hub_journal SET state = 'rejected', finished_at = ?, infcode = ?, inf_refmsgid = ?, err_msg = ?, failure = ? WHERE id = ?`)
          .run(finished, outcome.infcode ?? null, outcome.infRefmsgid ?? null, outcome.errMsg ?? null, outcome.failure ?? null, id);
        return;
      case 'not_sent':
      case 'unknown':
        this.db.prepare(`UPDATE hub_journal SET state = ?, finished_at = ?, failure = ? WHERE id = ?`).run(outcome.state, finished, outcome.failure, id);
        return;
    }
  }

  /** Records one resolution attempt; with a final result, also resolves the entry. */
  recordAttempt(id: number, attempt: { method: ResolutionMethod; result: AttemptResult; msgid?: string | undefined; detail?: string | undefined; operator?: string | undefined }): void {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO hub_journal_resolution (journal_id, method, attempted_at, result, msgid, detail, operator) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, attempt.method, at, attempt.result, attempt.msgid ?? null, attempt.detail ?? null, attempt.operator ?? null);
      if (attempt.result === 'confirmed' || attempt.result === 'not_applied' || attempt.result === 'reversed') {
        this.db.prepare('UPDATE hub_journal SET resolution = ?, resolved_at = ?, resolved_by = ? WHERE id = ?').run(attempt.result, at, attempt.msgid ? `${attempt.method}:${attempt.msgid}` : attempt.method, id);
      }
    })();
  }

  /** Stores the answer a query learnt for an entry (its outcome becomes ok). */
  storeLearntAnswer(id: number, infRefmsgid: string, responseBody: string): void {
    this.recordOutcome(id, { state: 'ok', infRefmsgid, responseBody });
  }

  get(id: number): JournalEntry | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM hub_journal WHERE id = ?`).get(id) as Row | undefined;
    return row && this.toEntry(row);
  }

  getByMsgid(msgid: string): JournalEntry | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM hub_journal WHERE msgid = ?`).get(msgid) as Row | undefined;
    return row && this.toEntry(row);
  }

  /** Entries recorded under a caller's context key, oldest first. */
  byContext(context: string): JournalEntry[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM hub_journal WHERE context = ? ORDER BY id`).all(context) as Row[]).map((r) => this.toEntry(r));
  }

  /** Calls whose outcome is unknown and not yet resolved, oldest first. */
  listUnresolved(): JournalEntry[] {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM hub_journal WHERE resolution IS NULL AND (state = 'unknown' OR (state = 'pending' AND deadline_at < ?)) ORDER BY id`)
      .all(this.now().toISOString()) as Row[];
    return rows.map((r) => this.toEntry(r));
  }

  attempts(id: number): ResolutionAttempt[] {
    const rows = this.db.prepare('SELECT id, journal_id, method, attempted_at, result, msgid, detail, operator FROM hub_journal_resolution WHERE journal_id = ? ORDER BY id').all(id) as {
      id: number;
      journal_id: number;
      method: ResolutionMethod;
      attempted_at: string;
      result: AttemptResult;
      msgid: string | null;
      detail: string | null;
      operator: string | null;
    }[];
    return rows.map((r) => ({ id: r.id, journalId: r.journal_id, method: r.method, attemptedAt: r.attempted_at, result: r.result, msgid: opt(r.msgid), detail: opt(r.detail), operator: opt(r.operator) }));
  }

  /** The request body as sent (decrypted). */
  requestBody(id: number): string {
    const row = this.db.prepare('SELECT msgid, request FROM hub_journal WHERE id = ?').get(id) as { msgid: string; request: string } | undefined;
    if (!row) throw new RangeError(`no journal entry ${id}`);
    return this.sealer().open(row.request, row.msgid);
  }

  /** The answer body of an ok entry (decrypted), if any. */
  responseBody(id: number): string | undefined {
    const row = this.db.prepare('SELECT msgid, response FROM hub_journal WHERE id = ?').get(id) as { msgid: string; response: string | null } | undefined;
    if (!row?.response) return undefined;
    return this.sealer().open(row.response, row.msgid);
  }

  /** At start: entries left pending past their deadline (the process died) become unknown. */
  recoverStale(): number {
    const r = this.db
      .prepare(`UPDATE hub_journal SET state = 'unknown', failure = 'no outcome recorded before the deadline (process ended while the call was in flight?)', finished_at = ? WHERE state = 'pending' AND deadline_at < ?`)
      .run(this.now().toISOString(), this.now().toISOString());
    return r.changes;
  }

  private msgidOf(id: number): string {
    const row = this.db.prepare('SELECT msgid FROM hub_journal WHERE id = ?').get(id) as { msgid: string } | undefined;
    if (!row) throw new RangeError(`no journal entry ${id}`);
    return row.msgid;
  }

  private toEntry(r: Row): JournalEntry {
    const unresolved = r.resolution === null && (r.state === 'unknown' || (r.state === 'pending' && r.deadline_at < this.now().toISOString()));
    return {
      id: r.id,
      msgid: r.msgid,
      infno: r.infno,
      context: opt(r.context),
      inputDigest: r.input_digest,
      psnNo: opt(r.psn_no),
      mdtrtId: opt(r.mdtrt_id),
      setlId: opt(r.setl_id),
      insuplcAdmdvs: opt(r.insuplc_admdvs),
      operator: opt(r.operator),
      state: r.state,
      createdAt: r.created_at,
      deadlineAt: r.deadline_at,
      finishedAt: opt(r.finished_at),
      sends: r.sends,
      infcode: opt(r.infcode),
      infRefmsgid: opt(r.inf_refmsgid),
      errMsg: opt(r.err_msg),
      failure: opt(r.failure),
      resolution: opt(r.resolution),
      resolvedAt: opt(r.resolved_at),
      resolvedBy: opt(r.resolved_by),
      unresolved,
    };
  }
}
