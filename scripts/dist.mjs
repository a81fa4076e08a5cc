// npm run dist: build, then package with electron-builder using electron.config.ts.
// Needs an Electron download (not possible on machines without internet access).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { buildAll } = await import('./build.mjs');
await buildAll();
const { default: config } = await tsImport(path.join(root, 'electron.config.ts'), import.meta.url);
const { build } = await import('electron-builder');
// Empty target lists mean "the targets named in electron.config.ts".
await build({
  config,
  ...(process.argv.includes('--win-only') ? {} : { linux: [] }),
  ...(process.argv.includes('--linux-only') ? {} : { win: [] }),
});
