#!/usr/bin/env node
// The `yikatong` command. In a checkout it runs the sources (through tsx), so it is never stale;
// in a packaged install (no src/) it runs the built CLI.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'src', 'cli', 'main.ts');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
if (existsSync(source) && existsSync(tsx)) {
  const r = spawnSync(process.execPath, [tsx, source, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
} else {
  await import(path.join(root, 'dist', 'cli', 'yikatong.mjs'));
}
