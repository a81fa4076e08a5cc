// `npm run bench -- training-catalog [--json] [--rows N]`: the training catalogue generator.
// Streams every catalogue file (1301–1321) of an N-row training catalogue (default 1.5 million
// fee-item rows) into zips, as 9102 serves them, and reports rows/s and peak memory. Baseline in
// the same run: generating the same text lines without zipping, so the ratio shows what the
// zip stream costs on this machine.
import { CATALOG_KINDS } from '@src/training/catalog/catalog-kinds';
import { catalogLines, catalogZipStream } from '@src/training/catalog/catalog-file';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import type { BenchModule } from './main';

function rowsArg(args: string[]): number {
  const i = args.indexOf('--rows');
  const n = i >= 0 ? Number(args[i + 1]) : 1_500_000;
  if (!Number.isInteger(n) || n < 1) throw new Error('--rows must be a positive integer');
  return n;
}

const bench: BenchModule = {
  description: 'training catalogue: 1.5M-row catalogue streamed into zips (rows/s, MB, peak RSS) vs plain line generation',
  async run(args, { json }) {
    const feeItemRows = rowsArg(args);
    const catalog = new TrainingCatalog({ feeItemRows });
    let peakRss = process.memoryUsage().rss;
    const sampleRss = (): void => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    };
    const timer = setInterval(sampleRss, 50);
    try {
      const t0 = performance.now();
      let rows = 0;
      for (const k of CATALOG_KINDS) rows += catalog.countAfter(k.infno, '');
      const indexMs = performance.now() - t0;

      const t1 = performance.now();
      let textBytes = 0;
      for (const k of CATALOG_KINDS) for (const line of catalogLines(catalog, k.infno, '')) textBytes += line.length + 1;
      const linesMs = performance.now() - t1;

      const t2 = performance.now();
      let zipBytes = 0;
      for (const k of CATALOG_KINDS) {
        for await (const chunk of catalogZipStream(catalog, k.infno, '')) zipBytes += (chunk as Buffer).length;
        if (!json) process.stdout.write(`  ${k.infno} done\n`);
      }
      const zipMs = performance.now() - t2;
      sampleRss();
      return {
        bench: 'training-catalog',
        feeItemRows,
        rows,
        indexMs: Math.round(indexMs),
        baselineLinesMs: Math.round(linesMs),
        baselineRowsPerSec: Math.round(rows / (linesMs / 1000)),
        zipMs: Math.round(zipMs),
        zipRowsPerSec: Math.round(rows / (zipMs / 1000)),
        zipToLinesRatio: Number((zipMs / linesMs).toFixed(2)),
        textMB: Math.round(textBytes / 1e6),
        zipMB: Math.round(zipBytes / 1e6),
        peakRssMB: Math.round(peakRss / 1e6),
      };
    } finally {
      clearInterval(timer);
    }
  },
};

export default bench;
