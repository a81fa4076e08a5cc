// npm test: everything CI checks, in order — lint (incl. process boundaries), typecheck (Node side
// and renderer), unit + integration (vitest), build, e2e (Playwright in Debian Chromium) and the
// Electron launch test (skipped, saying so, where no Electron binary exists).
// Every step runs even if an earlier one failed, so one report shows all problems.
// `npm test -- --only lint,unit` runs a subset.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const onlyArg = process.argv.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : process.argv[process.argv.indexOf(onlyArg) + 1]).split(',') : undefined;

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const steps = [
  { id: 'lint', title: 'lint (ESLint + process boundaries)', cmd: [bin('eslint'), '--max-warnings=0', '.'] },
  { id: 'typecheck', title: 'typecheck (Node side)', cmd: [bin('tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  { id: 'typecheck', title: 'typecheck (renderer)', cmd: [bin('tsc'), '-p', 'renderer/tsconfig.json', '--noEmit'] },
  { id: 'unit', title: 'unit + integration (vitest)', cmd: [bin('vitest'), 'run'] },
  { id: 'e2e', title: 'build', cmd: [process.execPath, 'scripts/build.mjs'] },
  { id: 'e2e', title: 'e2e (Playwright, Chromium; Electron launch)', cmd: [bin('playwright'), 'test'] },
];

function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const results = [];
for (const step of steps) {
  if (only && !only.includes(step.id)) continue;
  console.log(`\n===== ${step.title} =====`);
  const started = Date.now();
  const code = await run(step.cmd);
  results.push({ title: step.title, ok: code === 0, seconds: (Date.now() - started) / 1000 });
}

console.log('\n===== summary =====');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.title.padEnd(48)} ${r.seconds.toFixed(1)} s`);
const failed = results.filter((r) => !r.ok);
console.log(failed.length ? `\n${failed.length} step(s) failed.` : '\nAll steps passed.');
process.exit(failed.length ? 1 : 0);
