// Plain data passed between the sync orchestrator (host thread) and the catalogue writer (worker
// thread): everything here must survive structured cloning.
import type { CatalogFileSummary } from '@src/contract/methods/catalog';
import type { CatalogInfno } from '../catalog-kinds';
import type { SerializedErrorShape } from './sync-errors';

export type { CatalogFileSummary };

export interface SyncRequest {
  /** Only these catalogues (default: all). */
  only?: CatalogInfno[] | undefined;
  /** Download whole catalogues even where a local version exists. */
  full?: boolean | undefined;
  /** Rebuild after corruption (recorded in the run for the log). */
  rebuild?: boolean | undefined;
}

export interface PlannedFile {
  infno: CatalogInfno;
  /** true: the file replaces the catalogue; false: it holds changes since fromVersion. */
  full: boolean;
  fromVersion: string;
}

export type RunKind = 'full' | 'incremental';

export interface InvalidRowSample {
  line: number;
  code: string;
  reason: string;
}

/** What the parser learned about one file. */
export interface FileStats {
  rows: number;
  invalid: number;
  samples: InvalidRowSample[];
  /** Highest version among the file's rows ('' when it had none). */
  toVersion: string;
}

export interface SyncFileState {
  infno: CatalogInfno;
  seq: number;
  full: boolean;
  fromVersion: string;
  state: 'planned' | 'downloaded' | 'staged' | 'applied';
  fileQueryNo: string | null;
  announcedRows: number | null;
  path: string | null;
  bytes: number | null;
  sha256: string | null;
}

export interface ResumableRun {
  runId: number;
  kind: RunKind;
  request: SyncRequest;
  files: SyncFileState[];
}

export interface DownloadInfo {
  fileQueryNo: string;
  announcedRows: number | null;
  path: string;
  bytes: number;
  sha256: string;
}

/** Writer progress during the build/apply phase (index builds cannot report rows). */
export interface WriterProgress {
  phase: 'indexing' | 'applying';
  /** 0–1 within the phase. */
  fraction: number;
  message: string;
}

export interface RunResult {
  runId: number;
  files: CatalogFileSummary[];
  tookMs: number;
}

export type { SerializedErrorShape };

/**
 * One staged row, flattened so a batch is a single array (cheap to clone between threads):
 * code, name, list_type, chrgitm_lv, selfpay_prop, price_cap, begndate, enddate, vali_flag, ver, detail.
 */
export const ROW_WIDTH = 11;
export type FlatRowValue = string | number | null;

/** Invalid-row samples kept per file (line, code, reason), shown by `catalog status` and the screen. */
export const MAX_INVALID_SAMPLES = 20;
