// Yearly accumulators per person: deductible met and fund paid, by scope. A settlement adds its
// usage; a cancellation or reversal subtracts exactly what that settlement added, so the next
// settlement sees the same state as if the undone one never happened.
import type { Db } from '@src/platform/db/open';
import type { BenefitUsage, VisitCategory } from '../policy/benefit-engine';

/** Where a settlement's usage is counted. */
export interface UsageScopes {
  year: number;
  /** Scope of the deductible (outpatient / chronic:<disease> yearly; admission:<mdtrt_id> per stay). */
  deductibleScope: string;
  /** Scope of the pool fund's yearly cap. */
  poolScope: string;
}

/** A settlement's recorded usage: scopes plus the amounts it moved. */
export interface RecordedUsage extends UsageScopes {
  deductibleFen: number;
  poolFen: number;
  bigFen: number;
  accountFen: number;
}

const BIG = 'big';

export function scopesFor(category: VisitCategory, year: number, mdtrtId: string, chronicDisease: string | undefined): UsageScopes {
  switch (category) {
    case 'inpatient':
      return { year, deductibleScope: `admission:${mdtrtId}`, poolScope: 'inpatient' };
    case 'chronic':
      return { year, deductibleScope: `chronic:${chronicDisease ?? ''}`, poolScope: `chronic:${chronicDisease ?? ''}` };
    default:
      return { year, deductibleScope: 'outpatient', poolScope: 'outpatient' };
  }
}

function row(db: Db, psnNo: string, year: number, scope: string): { deductible_fen: number; paid_fen: number } {
  return (db.prepare('SELECT deductible_fen, paid_fen FROM accumulators WHERE psn_no = ? AND year = ? AND scope = ?').get(psnNo, year, scope) as
    | { deductible_fen: number; paid_fen: number }
    | undefined) ?? { deductible_fen: 0, paid_fen: 0 };
}

export function readUsage(db: Db, psnNo: string, scopes: UsageScopes): BenefitUsage {
  return {
    deductibleUsedFen: row(db, psnNo, scopes.year, scopes.deductibleScope).deductible_fen,
    poolPaidFen: row(db, psnNo, scopes.year, scopes.poolScope).paid_fen,
    bigIllnessPaidFen: row(db, psnNo, scopes.year, BIG).paid_fen,
  };
}

function add(db: Db, psnNo: string, year: number, scope: string, deductible: number, paid: number): void {
  if (deductible === 0 && paid === 0) return;
  db.prepare(`INSERT INTO accumulators (psn_no, year, scope, deductible_fen, paid_fen) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(psn_no, year, scope) DO UPDATE SET deductible_fen = deductible_fen + excluded.deductible_fen, paid_fen = paid_fen + excluded.paid_fen`).run(psnNo, year, scope, deductible, paid);
}

/** Applies (sign 1) or undoes (sign -1) a settlement's usage, account balance included. */
export function applyUsage(db: Db, psnNo: string, usage: RecordedUsage, sign: 1 | -1): void {
  add(db, psnNo, usage.year, usage.deductibleScope, sign * usage.deductibleFen, 0);
  add(db, psnNo, usage.year, usage.poolScope, 0, sign * usage.poolFen);
  add(db, psnNo, usage.year, BIG, 0, sign * usage.bigFen);
  if (usage.accountFen !== 0) db.prepare('UPDATE persons SET account_balance_fen = account_balance_fen - ? WHERE psn_no = ?').run(sign * usage.accountFen, psnNo);
}
