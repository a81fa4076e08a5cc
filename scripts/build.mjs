// npm run build: the renderer (Vite) and the Node/Electron entry points (esbuild) into dist/.
//   dist/renderer/          the page, for both shells
//   dist/main/main.cjs      Electron main process     dist/main/preload.cjs  sandboxed preload (self-contained)
//   dist/host/browser-shell.mjs  the browser shell    dist/cli/yikatong.mjs  the IT command line
// Runtime npm packages stay external (node_modules is shipped; native modules are rebuilt for
// Electron by electron-builder), except in the preload, which must be one self-contained file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.includes('--renderer-only') ? 'renderer' : process.argv.includes('--node-only') ? 'node' : 'all';

const shared = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: true,
  tsconfig: path.join(root, 'tsconfig.json'),
  logLevel: 'warning',
  target: 'node20',
  platform: 'node',
};
const esmBanner = { js: "import { createRequire as __ykCreateRequire } from 'node:module'; const require = __ykCreateRequire(import.meta.url);" };

export async function buildAll() {
  const started = Date.now();
  if (only !== 'node') await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  if (only !== 'renderer') {
    await Promise.all([
      // import.meta is empty in this CommonJS bundle by design: src/catalog/sync/worker-script.ts falls back to __filename.
      esbuild({ ...shared, entryPoints: ['main/main.ts'], outfile: 'dist/main/main.cjs', format: 'cjs', packages: 'external', logOverride: { 'empty-import-meta': 'silent' } }),
      esbuild({ ...shared, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'], platform: 'browser', target: 'chrome120' }),
      esbuild({ ...shared, entryPoints: ['src/host/browser-shell/main.ts'], outfile: 'dist/host/browser-shell.mjs', format: 'esm', packages: 'external', banner: esmBanner }),
      esbuild({ ...shared, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli/yikatong.mjs', format: 'esm', packages: 'external', banner: esmBanner }),
      // The catalogue sync's worker threads (src/catalog/sync/worker-script.ts finds it beside the bundles).
      esbuild({ ...shared, entryPoints: ['src/catalog/sync/catalog-worker.ts'], outfile: 'dist/workers/catalog-worker.mjs', format: 'esm', packages: 'external', banner: esmBanner }),
    ]);
  }
  console.log(`build: ${only} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildAll().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
