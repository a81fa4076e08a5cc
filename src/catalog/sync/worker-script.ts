// Where the catalogue worker script is. From source (tsx, vitest) it is catalog-worker.ts, started
// through a tiny ESM bootstrap that registers tsx (a .ts file cannot be a worker entry by itself).
// In a build it is dist/workers/catalog-worker.mjs (scripts/build.mjs), found next to the bundle.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

function thisModuleUrl(): string | undefined {
  // ESM (tsx, vitest, the .mjs bundles) has import.meta.url; the CommonJS bundle (Electron main) has __filename.
  const url = (import.meta as { url?: string }).url;
  if (typeof url === 'string' && url !== '') return url;
  return typeof __filename === 'string' ? pathToFileURL(__filename).href : undefined;
}

/** The worker script as a URL for `new Worker(url)`, or undefined when this build has none. */
export function catalogWorkerUrl(): URL | undefined {
  const here = thisModuleUrl();
  if (!here) return undefined;
  if (here.endsWith('.ts')) {
    const entry = new URL('./catalog-worker.ts', here).href;
    const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
    const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
    return new URL('data:text/javascript,' + encodeURIComponent(code));
  }
  const dir = path.dirname(fileURLToPath(here));
  for (const candidate of [path.join(dir, '..', 'workers', 'catalog-worker.mjs'), path.join(dir, 'workers', 'catalog-worker.mjs')]) {
    if (existsSync(candidate)) return pathToFileURL(candidate);
  }
  return undefined;
}
