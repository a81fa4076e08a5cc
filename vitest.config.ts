// Unit and integration tests (Node). Unit tests sit beside their module as *.test.ts; tests that
// span modules live in test/integration. E2E tests are Playwright's (playwright.config.ts).
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      '@src': path.join(root, 'src'),
      '@native': path.join(root, 'native'),
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'native/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts', 'eslint/**/*.test.{js,ts}', 'bench/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Real serial ports, pcscd and child processes: keep concurrency modest on a 2-core machine.
    maxWorkers: 2,
  },
});
