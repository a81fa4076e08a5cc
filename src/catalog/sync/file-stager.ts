// Reads one downloaded catalogue file and feeds its rows to the writer in batches.
//
// This runs in the host thread while the writer (a worker) inserts: unzipping, splitting and
// validating overlap with SQLite's work instead of adding to it, which is most of why the sync
// keeps up with a raw insert (bench/catalog.bench.ts). At most a few batches are in flight, so a
// fast reader cannot pile rows up in memory. Pinyin keys are computed here, once per name.
import { catalogKind, type CatalogInfno } from '../catalog-kinds';
import { readHeader } from '../file/column-layout';
import { RowParser } from '../file/row-parser';
import { zipLines } from '../file/zip-lines';
import type { PinyinCache } from '../text/pinyin';
import { rowCountMismatch, syncCancelled, tooManyInvalidRows } from './sync-errors';
import { ROW_WIDTH, type FileStats, type FlatRowValue, type InvalidRowSample, type NewName } from './sync-types';
import type { WriterCalls } from './writer-port';

const BATCH_ROWS = 4000;
const MAX_IN_FLIGHT = 4;
const MAX_SAMPLES = 20;

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
  pinyin: PinyinCache;
  /** Names whose pinyin was already sent to the writer in this run, per catalogue. */
  sentNames: Map<CatalogInfno, Set<string>>;
  signal?: AbortSignal | undefined;
  /** Called after each batch with the rows and invalid rows read so far in this file. */
  onRows?: (rows: number, invalid: number) => void;
}

export function tooManyInvalid(invalid: number, rows: number): boolean {
  return invalid > MIN_INVALID && invalid > (rows + invalid) * MAX_INVALID_RATIO;
}

export async function stageFile(o: StageFileOptions): Promise<FileStats> {
  const kind = catalogKind(o.infno);
  await o.writer.call('beginFile', o.runId, o.infno);
  let parser: RowParser | undefined;
  let rows = 0;
  let invalid = 0;
  let toVersion = '';
  const samples: InvalidRowSample[] = [];
  let batch: FlatRowValue[] = [];
  let newNames: NewName[] = [];
  const inFlight: Promise<void>[] = [];

  const send = async (): Promise<void> => {
    if (batch.length === 0) return;
    const call = o.writer.call('stageRows', o.infno, batch, newNames);
    // Handled here so a failure while the next batch is being read is not an unhandled rejection;
    // it is reported below through allSettled / the awaited shift().
    call.catch(() => {});
    inFlight.push(call);
    batch = [];
    newNames = [];
    o.onRows?.(rows, invalid);
    if (inFlight.length >= MAX_IN_FLIGHT) await inFlight.shift();
  };

  let readError: unknown;
  const sent = o.sentNames.get(o.infno) ?? new Set<string>();
  o.sentNames.set(o.infno, sent);
  try {
    for await (const chunk of zipLines(o.path)) {
      const lines = chunk.lines;
      for (let k = 0; k < lines.length; k++) {
        const text = lines[k]!;
        if (chunk.first + k === 1) {
          parser = new RowParser(readHeader(text, o.path), kind);
          continue;
        }
        if (text.length === 0 || text.trim() === '') continue;
        const r = parser!.parse(text);
        if (!r.ok) {
          invalid++;
          if (samples.length < MAX_SAMPLES) samples.push({ line: chunk.first + k, code: r.code, reason: r.reason });
          continue;
        }
        const rec = r.record;
        rows++;
        if (rec.version > toVersion) toVersion = rec.version;
        if (!sent.has(rec.name)) {
          const keys = o.pinyin.keys(rec.name);
          newNames.push([rec.name, keys.initials, keys.full]);
          sent.add(rec.name);
        }
        batch.push(rec.code, rec.name, rec.listType, rec.chargeClass, rec.selfpayProp, rec.priceCap, rec.begndate, rec.enddate, rec.valiFlag, rec.version, rec.detail);
      }
      if (batch.length >= BATCH_ROWS * ROW_WIDTH) {
        if (o.signal?.aborted) throw syncCancelled();
        await send();
      }
    }
    await send();
  } catch (e) {
    readError = e;
  }
  // Let every batch already sent finish (or fail) before anyone touches the writer again.
  const settled = await Promise.allSettled(inFlight);
  if (readError !== undefined) throw readError;
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  if (o.signal?.aborted) throw syncCancelled();
  if (tooManyInvalid(invalid, rows)) throw tooManyInvalidRows(o.infno, invalid, rows);
  if (o.announcedRows !== null && rows + invalid !== o.announcedRows) throw rowCountMismatch(o.infno, o.announcedRows, rows + invalid);
  const stats: FileStats = { rows, invalid, samples, toVersion };
  await o.writer.call('finishFile', o.runId, o.infno, stats);
  o.onRows?.(rows, invalid);
  return stats;
}
