// One batch of a catalogue file's lines → the flat values the writer stages, and what was
// counted (valid rows, invalid rows with up to MAX_INVALID_SAMPLES samples, highest version).
// Used by whichever thread parses the batch (file-stager.ts decides which).
import type { RowParser } from '../file/row-parser';
import { MAX_INVALID_SAMPLES, type FileStats, type FlatRowValue, type InvalidRowSample } from './sync-types';

export function parseLines(parser: RowParser, first: number, lines: readonly string[]): { rows: FlatRowValue[]; stats: FileStats } {
  const rows: FlatRowValue[] = [];
  const samples: InvalidRowSample[] = [];
  let count = 0;
  let invalid = 0;
  let toVersion = '';
  for (let k = 0; k < lines.length; k++) {
    const text = lines[k]!;
    if (text.length === 0 || text.trim() === '') continue;
    const r = parser.parse(text);
    if (!r.ok) {
      invalid++;
      if (samples.length < MAX_INVALID_SAMPLES) samples.push({ line: first + k, code: r.code, reason: r.reason });
      continue;
    }
    const rec = r.record;
    count++;
    if (rec.version > toVersion) toVersion = rec.version;
    rows.push(rec.code, rec.name, rec.listType, rec.chargeClass, rec.selfpayProp, rec.priceCap, rec.begndate, rec.enddate, rec.valiFlag, rec.version, rec.detail);
  }
  return { rows, stats: { rows: count, invalid, samples, toVersion } };
}
