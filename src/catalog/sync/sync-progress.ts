// Progress of a sync as the cashier's screen and the CLI show it: rows, %, rate, ETA.
//
// Rows dominate a sync's time, so reading and staging rows is 90 % of the bar and the index
// build and swap the last 10 % (the writer reports their steps). Updates are throttled: a UI
// gets a few per second however fast rows go by.
import type { SerializedError } from '@src/common/errors';
import type { SyncPhase, SyncProgress } from '@src/contract/methods/catalog';
import type { CatalogInfno } from '../catalog-kinds';

const ROWS_SHARE = 90;
const MIN_INTERVAL_MS = 200;

export class ProgressTracker {
  private phase: SyncPhase = 'planning';
  private infno: CatalogInfno | undefined;
  private rowsBefore = 0;
  private rowsInFile = 0;
  private invalid = 0;
  private invalidInFile = 0;
  private totalRows: number | undefined;
  private stagingStarted: number | undefined;
  private stagedAtStart = 0;
  private applyFraction = 0;
  private message = '正在准备';
  private error: SerializedError | undefined;
  private lastEmit = 0;

  constructor(
    readonly runId: number,
    private readonly emit: (p: SyncProgress) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  setTotal(totalRows: number | undefined): void {
    this.totalRows = totalRows;
  }

  /** A file already staged by an interrupted attempt counts as done. */
  addDone(rows: number): void {
    this.rowsBefore += rows;
  }

  update(phase: SyncPhase, message: string, infno?: CatalogInfno, force = true): void {
    if (phase === 'staging' && this.stagingStarted === undefined) {
      this.stagingStarted = this.now();
      this.stagedAtStart = this.rowsBefore;
    }
    this.phase = phase;
    this.message = message;
    this.infno = infno;
    this.flush(force);
  }

  rows(rowsInFile: number, invalidInFile: number): void {
    this.rowsInFile = rowsInFile;
    this.invalidInFile = invalidInFile;
    this.flush(false);
  }

  fileDone(): void {
    this.rowsBefore += this.rowsInFile + this.invalidInFile;
    this.invalid += this.invalidInFile;
    this.rowsInFile = 0;
    this.invalidInFile = 0;
  }

  /** The run ended without applying: failed (with the error) or cancelled. */
  end(phase: 'failed' | 'cancelled', message: string, error?: SerializedError): void {
    this.error = error;
    this.update(phase, message, undefined);
  }

  apply(fraction: number, message: string, phase: 'indexing' | 'applying'): void {
    this.applyFraction = fraction;
    this.update(phase, message, undefined);
  }

  snapshot(): SyncProgress {
    const rows = this.rowsBefore + this.rowsInFile + this.invalidInFile;
    const rowFraction = this.totalRows ? Math.min(1, rows / this.totalRows) : this.phase === 'indexing' || this.phase === 'applying' ? 1 : 0;
    let percent = rowFraction * ROWS_SHARE + (this.phase === 'indexing' || this.phase === 'applying' ? this.applyFraction * (100 - ROWS_SHARE) : 0);
    if (this.phase === 'done') percent = 100;
    const elapsed = this.stagingStarted === undefined ? 0 : (this.now() - this.stagingStarted) / 1000;
    const rate = elapsed > 0.2 ? (rows - this.stagedAtStart) / elapsed : undefined;
    const eta = rate && this.totalRows && this.phase === 'staging' ? Math.max(0, (this.totalRows - rows) / rate) : undefined;
    return {
      runId: this.runId,
      phase: this.phase,
      ...(this.infno ? { infno: this.infno } : {}),
      rows,
      ...(this.totalRows !== undefined ? { totalRows: this.totalRows } : {}),
      percent: Math.round(percent * 10) / 10,
      ...(rate !== undefined ? { rowsPerSec: Math.round(rate) } : {}),
      ...(eta !== undefined ? { etaSeconds: Math.round(eta) } : {}),
      invalidRows: this.invalid + this.invalidInFile,
      message: this.message,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  private flush(force: boolean): void {
    const t = this.now();
    if (!force && t - this.lastEmit < MIN_INTERVAL_MS) return;
    this.lastEmit = t;
    this.emit(this.snapshot());
  }
}
