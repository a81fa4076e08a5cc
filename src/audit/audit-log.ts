// Append-only, hash-chained audit trail of who did what on money and configuration (rule 5).
//
// hash(n) = SHA-256(hash(n-1) | canonical JSON of row n). The first row links to GENESIS. Details
// are redacted before they are stored: the trail names settlements and msgids, never a plain ID
// number or name.
import { createHash } from 'node:crypto';
import type { AuditEntry } from '@src/contract/methods/audit';
import { redactDeep } from '@src/common/redact';
import type { Db } from '@src/platform/db/open';

export const GENESIS = '0'.repeat(64);

/** Actions recorded. Later features add theirs; keep names `domain.verb`. */
export type AuditAction =
  | 'operator.signIn'
  | 'operator.signInFailed'
  | 'operator.signOut'
  | 'operator.locked'
  | 'operator.created'
  | 'operator.passwordReset'
  | 'operator.unlocked'
  | 'operator.disabled'
  | 'operator.enabled'
  | 'operator.passwordChanged'
  | 'config.changed'
  | 'config.modeChanged'
  | (string & {});

export interface AuditRecord {
  action: AuditAction;
  operator?: string | undefined;
  subject?: string | undefined;
  details?: Record<string, unknown>;
}

interface Row {
  seq: number;
  at: string;
  terminal_id: string;
  operator: string | null;
  action: string;
  subject: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/** Canonical JSON: keys sorted at every level, so the hash does not depend on insertion order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function rowHash(prevHash: string, row: Omit<Row, 'prev_hash' | 'hash'>): string {
  const body = canonicalJson({ seq: row.seq, at: row.at, terminal: row.terminal_id, operator: row.operator, action: row.action, subject: row.subject, details: row.details });
  return createHash('sha256').update(prevHash).update('|').update(body).digest('hex');
}

export interface Verification {
  ok: boolean;
  entries: number;
  firstBroken?: { seq: number; reason: string };
}

export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly terminalId: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Appends one entry. Runs inside the caller's transaction when there is one. */
  append(record: AuditRecord): AuditEntry {
    const write = this.db.transaction(() => {
      const last = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
      const row = {
        seq: (last?.seq ?? 0) + 1,
        at: this.now().toISOString(),
        terminal_id: this.terminalId(),
        operator: record.operator ?? null,
        action: record.action,
        subject: record.subject ?? null,
        details: canonicalJson(redactDeep(record.details ?? {})),
      };
      const prev = last?.hash ?? GENESIS;
      const hash = rowHash(prev, row);
      this.db
        .prepare('INSERT INTO audit_log (seq, at, terminal_id, operator, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(row.seq, row.at, row.terminal_id, row.operator, row.action, row.subject, row.details, prev, hash);
      return toEntry({ ...row, prev_hash: prev, hash });
    });
    return this.db.inTransaction ? write() : write.immediate();
  }

  list(options: { limit?: number; beforeSeq?: number | undefined; action?: string | undefined } = {}): AuditEntry[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM audit_log WHERE (? IS NULL OR seq < ?) AND (? IS NULL OR action = ? OR action LIKE ? || '.%')
         ORDER BY seq DESC LIMIT ?`,
      )
      .all(options.beforeSeq ?? null, options.beforeSeq ?? null, options.action ?? null, options.action ?? null, options.action ?? null, options.limit ?? 200) as Row[];
    return rows.map(toEntry);
  }

  /** Walks the chain from the first entry; names the first link that does not hold. */
  verify(): Verification {
    let prev = GENESIS;
    let expectedSeq = 1;
    let count = 0;
    for (const row of this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<Row>) {
      count++;
      if (row.seq !== expectedSeq) return { ok: false, entries: count, firstBroken: { seq: expectedSeq, reason: `entry ${expectedSeq} is missing (next present is ${row.seq})` } };
      if (row.prev_hash !== prev) return { ok: false, entries: count, firstBroken: { seq: row.seq, reason: 'its link to the previous entry does not match' } };
      if (rowHash(prev, row) !== row.hash) return { ok: false, entries: count, firstBroken: { seq: row.seq, reason: 'its content was changed after it was written' } };
      prev = row.hash;
      expectedSeq++;
    }
    return { ok: true, entries: count };
  }
}

function toEntry(row: Row): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    terminalId: row.terminal_id,
    ...(row.operator === null ? {} : { operator: row.operator }),
    action: row.action,
    ...(row.subject === null ? {} : { subject: row.subject }),
    details: JSON.parse(row.details) as Record<string, unknown>,
    hash: row.hash,
  };
}
