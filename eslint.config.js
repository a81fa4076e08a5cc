// Lint: TypeScript rules plus the process-boundary rule that keeps Node out of the renderer,
// Electron out of src/, and the training hub out of the terminal's core (docs/ARCHITECTURE.md).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import runtimeBoundaries from './eslint/runtime-boundaries.js';

const root = path.dirname(fileURLToPath(import.meta.url));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', '.yikatong-data/**', 'bench/out/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { yikatong: { rules: { 'runtime-boundaries': runtimeBoundaries } } },
    rules: {
      'yikatong/runtime-boundaries': ['error', { root }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Money is integer fen: parseFloat/toFixed on amounts are how binary floats sneak in.
    files: ['src/**/*.ts', 'native/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', 'src/common/money.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.name='parseFloat']", message: 'Money and quantities are integers; use parseYuan/parseScaled from @src/common/money.' },
        { selector: "CallExpression[callee.property.name='toFixed']", message: 'Format money with formatYuan from @src/common/money.' },
      ],
    },
  },
);
