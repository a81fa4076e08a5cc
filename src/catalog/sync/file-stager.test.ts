import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogKind } from '../catalog-kinds';
import { RowParser } from '../file/row-parser';
import type { ColumnLayout } from '../file/column-layout';
import { stageFile } from './file-stager';
import { parseLines } from './parse-lines';
import { ROW_WIDTH, type FileStats, type FlatRowValue } from './sync-types';
import type { WriterCalls } from './writer-port';

const HEADER = 'med_list_codg\thilist_name\tlist_type\tchrgitm_lv\tselfpay_prop\tpric_uplmt_amt\tbegndate\tenddate\tvali_flag\tver';
const good = (i: number): string => [`XN${String(i).padStart(8, '0')}`, i % 3 === 0 ? '阿莫西林胶囊' : '布洛芬片', '101', '01', '0.1', '1.5', '2025-01-01', '', '1', `2025${String(i).padStart(6, '0')}`].join('\t');

function zipOf(content: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(content, 'utf8'), 'plc.txt');
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** A writer that takes `delayMs` per batch, one batch at a time, and records what it staged. */
function slowWriter(delayMs: number): WriterCalls & { codes: string[]; used: Set<string>; finished?: FileStats } {
  let queue = Promise.resolve();
  const codes: string[] = [];
  const used = new Set<string>();
  const stage = (rows: FlatRowValue[]): void => {
    for (let i = 0; i < rows.length; i += ROW_WIDTH) codes.push(rows[i] as string);
  };
  const w = {
    codes,
    used,
    finished: undefined as FileStats | undefined,
    call(method: string, ...args: unknown[]): Promise<never> {
      used.add(method);
      const run = queue.then(async () => {
        await new Promise((r) => setTimeout(r, method === 'stageLines' || method === 'stageRows' ? delayMs : 0));
        if (method === 'stageLines') {
          const [infno, layout, first, lines] = args as ['1301', ColumnLayout, number, string[]];
          const { rows, stats } = parseLines(new RowParser(layout, catalogKind(infno)), first, lines);
          stage(rows);
          return stats;
        }
        if (method === 'stageRows') stage(args[1] as FlatRowValue[]);
        if (method === 'finishFile') w.finished = args[2] as FileStats;
        return undefined;
      });
      queue = run.then(
        () => {},
        () => {},
      );
      return run as Promise<never>;
    },
  };
  return w;
}

describe('staging a catalogue file in batches', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'yk-stager-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same rows, counts, samples and version whichever thread parses each batch', async () => {
    const lines = [HEADER];
    for (let i = 1; i <= 20_000; i++) lines.push(i % 1000 === 0 ? 'broken\tline' : i % 777 === 0 ? '' : good(i));
    const file = path.join(dir, '1301.zip');
    writeFileSync(file, await zipOf(lines.join('\n') + '\n'));
    const expectedCodes = lines.slice(1).filter((l) => l.split('\t').length === 10).map((l) => l.split('\t')[0]);

    for (const delayMs of [0, 15]) {
      const writer = slowWriter(delayMs);
      const stats = await stageFile({ writer, runId: 1, infno: '1301', path: file, announcedRows: expectedCodes.length + 20 });
      expect(stats.rows).toBe(expectedCodes.length);
      expect(stats.invalid).toBe(20);
      // Line numbers count the header as line 1, whichever batch a row was in.
      expect(stats.samples[0]).toMatchObject({ line: 1001, code: 'broken' });
      expect(stats.samples.map((s) => s.line)).toEqual(Array.from({ length: 20 }, (_, k) => (k + 1) * 1000 + 1));
      expect(stats.toVersion).toBe('2025019999');
      expect(writer.codes).toEqual(expectedCodes);
      expect(writer.finished).toEqual(stats);
      // The writer parses batches while it keeps up; a slow one gets some batches already parsed.
      expect(writer.used.has('stageLines')).toBe(true);
      if (delayMs > 0) expect(writer.used.has('stageRows')).toBe(true);
    }
  });
});
