// `npm run bench -- <name> [--json] [options]`: runs bench/<name>.ts.
// Each benchmark measures its baseline in the same run and prints ratios; with --json the last
// line of output is one JSON object. Record results in bench/RESULTS.md.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchModule {
  /** One line for `npm run bench` without arguments. */
  description: string;
  run(args: string[], options: { json: boolean }): Promise<Record<string, unknown>>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const available = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace(/\.bench\.ts$/, ''));
  if (!name || !available.includes(name)) {
    console.log(`usage: npm run bench -- <${available.join('|') || 'name'}> [--json]`);
    for (const b of available) {
      const mod = (await import(pathToFileURL(path.join(here, `${b}.bench.ts`)).href)) as { default: BenchModule };
      console.log(`  ${b.padEnd(10)} ${mod.default.description}`);
    }
    process.exit(name ? 2 : 0);
  }
  const json = rest.includes('--json');
  const mod = (await import(pathToFileURL(path.join(here, `${name}.bench.ts`)).href)) as { default: BenchModule };
  const result = await mod.default.run(rest.filter((a) => a !== '--json'), { json });
  if (json) console.log(JSON.stringify(result));
  else console.log(result);
  process.exit(0);
}

void main();
