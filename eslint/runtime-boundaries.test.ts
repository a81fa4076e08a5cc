// The process boundaries are real: an import from the wrong side fails lint (and so `npm test`).
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { checkImport } from './runtime-boundaries.js';

const root = path.resolve(import.meta.dirname, '..');
const at = (rel: string) => path.join(root, rel);

describe('runtime boundaries', () => {
  it.each([
    ['renderer/screens/x.tsx', 'better-sqlite3', /must not import 'better-sqlite3'/],
    ['renderer/screens/x.tsx', 'node:fs', /Node built-in/],
    ['renderer/screens/x.tsx', '@src/host/host', /must not import src\/host/],
    ['renderer/screens/x.tsx', '../../src/hub/client', /must not import/],
    ['src/common/money.ts', 'node:crypto', /Node built-in/],
    ['src/contract/index.ts', '@src/platform/logger', /must not import/],
    ['src/settlement/x.ts', 'electron', /must not import 'electron'/],
    ['src/settlement/x.ts', '@src/training/hub/server', /must not import src\/training/],
    ['src/settlement/x.ts', '@src/host/host', /must not import src\/host/],
    ['native/idcard/x.ts', '@src/training/fixtures/training-patients', /must not import/],
    ['native/idcard/x.ts', '@src/hub/client', /must not import/],
    ['main/preload.ts', 'node:fs', /Node built-in/],
    ['main/preload.ts', '@src/host/host', /must not import/],
    ['src/hub/client.ts', 'left-pad', /not placed in a runtime/],
  ])('%s may not import %s', (file, spec, message) => {
    expect(checkImport(root, at(file), spec)).toMatch(message);
  });

  it.each([
    ['renderer/screens/x.tsx', '@src/contract'],
    ['renderer/screens/x.tsx', 'react'],
    ['renderer/screens/x.tsx', 'zustand'],
    ['src/hub/client.ts', 'better-sqlite3'],
    ['src/hub/client.ts', '@native/idcard/samv'],
    ['native/idcard/x.ts', 'serialport'],
    ['native/idcard/x.ts', '@src/platform/logger'],
    ['src/host/host.ts', '@src/training/hub/server'],
    ['main/main.ts', 'electron'],
    ['main/main.ts', '@src/host/host'],
    ['main/preload.ts', 'electron'],
    ['src/hub/client.test.ts', 'vitest'],
    ['test/e2e/x.spec.ts', '@playwright/test'],
  ])('%s may import %s', (file, spec) => {
    expect(checkImport(root, at(file), spec)).toBeNull();
  });

  it('fails lint on a renderer file that imports a native module', async () => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText("import Database from 'better-sqlite3';\nexport const db = Database;\n", { filePath: at('renderer/screens/Bad.tsx') });
    expect(result!.messages.map((m) => m.ruleId)).toContain('yikatong/runtime-boundaries');
    expect(result!.errorCount).toBeGreaterThan(0);
  });
});
