// Reads one downloaded catalogue file and feeds its lines to the writer in batches.
//
// This runs in the parser thread while the writer (another worker) inserts: unzipping, decoding
// and splitting lines overlap with the writer's work instead of adding to it. Who parses a batch
// (validation, amounts, the detail JSON) is decided per batch so neither thread waits: profiled,
// parsing everything here made this thread the bottleneck (parsing plus copying 11 values a row
// to the writer) while the writer idled half the time, and parsing everything in the writer
// turned it around. So a batch goes to the writer as lines (one string a row) while the writer
// keeps up, and is parsed here when the writer already has batches queued (bench/RESULTS.md).
// At most a few batches are in flight, so a fast reader cannot pile rows up in memory.
import { catalogKind, type CatalogInfno } from '../catalog-kinds';
import { readHeader, type ColumnLayout } from '../file/column-layout';
import { RowParser } from '../file/row-parser';
import { zipLines } from '../file/zip-lines';
import { rowCountMismatch, syncCancelled, tooManyInvalidRows } from './sync-errors';
import { parseLines } from './parse-lines';
import { MAX_INVALID_SAMPLES, type FileStats, type InvalidRowSample } from './sync-types';
import type { WriterCalls } from './writer-port';

const BATCH_ROWS = 4000;
const MAX_IN_FLIGHT = 4;
/** With this many batches queued at the writer, the next one is parsed here. */
const PARSE_HERE_AT = 2;

/** A file is refused when more than this share of its rows (and more than MIN_INVALID rows) are invalid. */
export const MAX_INVALID_RATIO = 0.01;
const MIN_INVALID = 100;

export interface StageFileOptions {
  writer: WriterCalls;
  runId: number;
  infno: CatalogInfno;
  path: string;
  /** data_cnt: the file must hold exactly this many rows (valid + invalid). */
  announcedRows: number | null;
  signal?: AbortSignal | undefined;
  /** Called as batches are staged with the rows and invalid rows of this file staged so far. */
  onRows?: (rows: number, invalid: number) => void;
}

export function tooManyInvalid(invalid: number, rows: number): boolean {
  return invalid > MIN_INVALID && invalid > (rows + invalid) * MAX_INVALID_RATIO;
}

export async function stageFile(o: StageFileOptions): Promise<FileStats> {
  await o.writer.call('beginFile', o.runId, o.infno);
  let layout: ColumnLayout | undefined;
  let parser: RowParser | undefined;
  let lines: string[] = [];
  let first = 0;
  let stagedRows = 0;
  let stagedInvalid = 0;
  const calls: Promise<FileStats>[] = [];
  const inFlight: Promise<FileStats>[] = [];
  /** Batches sent and not yet staged (the writer's queue). */
  let queued = 0;

  const send = async (): Promise<void> => {
    if (lines.length === 0 || !layout) return;
    let call: Promise<FileStats>;
    if (queued >= PARSE_HERE_AT) {
      const { rows, stats } = parseLines((parser ??= new RowParser(layout, catalogKind(o.infno))), first, lines);
      call = o.writer.call('stageRows', o.infno, rows).then(() => stats);
    } else {
      call = o.writer.call('stageLines', o.infno, layout, first, lines);
    }
    // Handled here so a failure while the next batch is being read is not an unhandled rejection;
    // it is reported below through allSettled.
    queued++;
    call.then(
      (s) => {
        queued--;
        stagedRows += s.rows;
        stagedInvalid += s.invalid;
        o.onRows?.(stagedRows, stagedInvalid);
      },
      () => queued--,
    );
    calls.push(call);
    inFlight.push(call);
    lines = [];
    if (inFlight.length >= MAX_IN_FLIGHT) await inFlight.shift();
  };

  let readError: unknown;
  try {
    for await (const chunk of zipLines(o.path)) {
      let k = 0;
      if (chunk.first === 1 && chunk.lines.length > 0) {
        layout = readHeader(chunk.lines[0]!, o.path);
        k = 1;
      }
      if (k >= chunk.lines.length) continue;
      // Chunks are consecutive lines, so a batch is one run of lines starting at `first`.
      if (lines.length === 0) first = chunk.first + k;
      for (; k < chunk.lines.length; k++) lines.push(chunk.lines[k]!);
      if (lines.length >= BATCH_ROWS) {
        if (o.signal?.aborted) throw syncCancelled();
        await send();
      }
    }
    await send();
  } catch (e) {
    readError = e;
  }
  // Let every batch already sent finish (or fail) before anyone touches the writer again.
  const settled = await Promise.allSettled(calls);
  if (readError !== undefined) throw readError;
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  if (o.signal?.aborted) throw syncCancelled();
  let rows = 0;
  let invalid = 0;
  let toVersion = '';
  const samples: InvalidRowSample[] = [];
  for (const s of settled as PromiseFulfilledResult<FileStats>[]) {
    rows += s.value.rows;
    invalid += s.value.invalid;
    if (s.value.toVersion > toVersion) toVersion = s.value.toVersion;
    for (const sample of s.value.samples) if (samples.length < MAX_INVALID_SAMPLES) samples.push(sample);
  }
  if (tooManyInvalid(invalid, rows)) throw tooManyInvalidRows(o.infno, invalid, rows);
  if (o.announcedRows !== null && rows + invalid !== o.announcedRows) throw rowCountMismatch(o.infno, o.announcedRows, rows + invalid);
  const stats: FileStats = { rows, invalid, samples, toVersion };
  await o.writer.call('finishFile', o.runId, o.infno, stats);
  o.onRows?.(rows, invalid);
  return stats;
}
