// ESLint rule: every import must respect the process boundaries of the terminal.
//
// Why: the renderer must never reach Node (better-sqlite3, serialport, node-hid would crash or
// expose the machine), `src/` must never depend on Electron (so it runs in the browser shell, the
// CLI and tests), and the training hub must not leak into the terminal's core. Like Signal
// Desktop's file-suffix rule, every npm package must be placed in a runtime here: an unknown
// package is an error, so adding a native module forces a decision about which process owns it.
import { builtinModules } from 'node:module';
import path from 'node:path';

/** Zones, from the file's path relative to the repository root. Order matters: first match wins. */
export const ZONES = [
  ['preload', /^main\/preload\.ts$/],
  ['main', /^main\//],
  ['common', /^src\/(common|contract)\//],
  ['host', /^src\/host\//],
  ['cli', /^src\/cli\//],
  ['training', /^src\/training\//],
  ['core', /^src\//],
  ['native', /^native\//],
  ['renderer', /^renderer\//],
  ['tooling', /^(test|bench|scripts|eslint)\/|^[^/]+\.(ts|js|mjs|cjs)$/],
];

/** Which zones a file in a given zone may import from (project files). */
export const ALLOWED_EDGES = {
  common: ['common'],
  renderer: ['renderer', 'common'],
  preload: ['common'],
  main: ['main', 'common', 'host'],
  native: ['native', 'common', 'platform'],
  core: ['core', 'native', 'common', 'platform'],
  training: ['training', 'core', 'native', 'common', 'platform'],
  host: ['host', 'training', 'core', 'native', 'common', 'platform'],
  cli: ['cli', 'host', 'training', 'core', 'native', 'common', 'platform'],
  tooling: ['tooling', 'main', 'host', 'cli', 'training', 'core', 'native', 'common', 'platform', 'renderer', 'preload'],
};

/** npm packages, each placed in the zones allowed to import it. */
const NODE_SIDE = ['native', 'core', 'training', 'host', 'cli', 'main', 'tooling'];
const EVERYWHERE = ['common', 'renderer', 'preload', ...NODE_SIDE];
const TEST_ONLY = ['tooling', 'test-file'];
export const PACKAGES = {
  zod: EVERYWHERE,
  'better-sqlite3': NODE_SIDE,
  serialport: NODE_SIDE,
  '@serialport/parser-readline': NODE_SIDE,
  '@serialport/bindings-cpp': NODE_SIDE,
  'node-hid': NODE_SIDE,
  smartcard: NODE_SIDE,
  koffi: NODE_SIDE,
  pino: NODE_SIDE,
  'pino-roll': NODE_SIDE,
  'pinyin-pro': NODE_SIDE,
  'lossless-json': NODE_SIDE,
  yauzl: NODE_SIDE,
  yazl: NODE_SIDE,
  'iconv-lite': NODE_SIDE,
  commander: NODE_SIDE,
  pdfkit: NODE_SIDE,
  electron: ['main', 'preload', 'tooling'],
  react: ['renderer'],
  'react-dom': ['renderer'],
  'react/jsx-runtime': ['renderer'],
  zustand: ['renderer'],
  '@tanstack/react-virtual': ['renderer'],
  vitest: TEST_ONLY,
  '@playwright/test': TEST_ONLY,
  'playwright-core': TEST_ONLY,
  'fast-check': TEST_ONLY,
  vite: ['tooling'],
  '@vitejs/plugin-react': ['tooling'],
  esbuild: ['tooling'],
  'electron-builder': ['tooling'],
  tsx: ['tooling'],
  eslint: ['tooling'],
  'typescript-eslint': ['tooling'],
  'eslint-plugin-react-hooks': ['tooling'],
  typescript: ['tooling'],
};

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

export function zoneOf(relPath) {
  const p = relPath.split(path.sep).join('/');
  if (/^src\/platform\//.test(p)) return 'platform';
  for (const [zone, re] of ZONES) if (re.test(p)) return zone;
  return null;
}

function packageName(spec) {
  if (spec.startsWith('@')) return spec.split('/').slice(0, 2).join('/');
  return spec.split('/')[0];
}

function isTestFile(relPath) {
  return /\.(test|spec)\.tsx?$/.test(relPath) || /^(test|bench)\//.test(relPath);
}

/** The zone a platform file counts as when it imports: platform is Node-side core infrastructure. */
function effectiveZone(zone) {
  return zone === 'platform' ? 'native' : zone;
}

/**
 * Checks one import. Returns an error message, or null when the import is allowed.
 * `root` is the repository root; `file` the importing file (absolute).
 */
export function checkImport(root, file, spec) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const zone = zoneOf(rel);
  if (zone === null) return null;
  const z = effectiveZone(zone);
  const testFile = isTestFile(rel);

  if (BUILTINS.has(spec)) {
    if (['common', 'renderer', 'preload'].includes(zone) && !testFile) {
      return `${rel} (${zone}) must not import the Node built-in '${spec}': this code also runs in a sandboxed page.`;
    }
    return null;
  }

  let target = null;
  if (spec.startsWith('.')) target = path.relative(root, path.resolve(path.dirname(file), spec));
  else if (spec.startsWith('@src/')) target = 'src/' + spec.slice('@src/'.length);
  else if (spec.startsWith('@native/')) target = 'native/' + spec.slice('@native/'.length);

  if (target !== null) {
    const targetPath = target.split(path.sep).join('/');
    // The version comes from package.json (bundled at build time); only Node-side code reads it.
    if (targetPath === 'package.json' && !['common', 'renderer', 'preload'].includes(zone)) return null;
    // A trailing slash lets a folder import ('@src/contract' → its index) match its zone.
    const targetZone = zoneOf(targetPath + '/');
    if (targetZone === null) return `${rel} imports '${spec}', which is outside the project's source folders.`;
    if (testFile || zone === 'tooling') return null;
    const allowed = ALLOWED_EDGES[z] ?? [];
    if (zone === 'platform' && targetZone === 'platform') return null;
    if (!allowed.includes(targetZone)) {
      return `${rel} (${zone}) must not import ${target} (${targetZone}): allowed are ${allowed.join(', ')}. See docs/ARCHITECTURE.md, "Layers".`;
    }
    return null;
  }

  const pkg = packageName(spec);
  const zones = PACKAGES[spec] ?? PACKAGES[pkg];
  if (!zones) {
    return `The package '${pkg}' is not placed in a runtime. Add it to PACKAGES in eslint/runtime-boundaries.js (which processes may load it?).`;
  }
  if (zones.includes(zone) || zones.includes(z)) return null;
  if (testFile && zones.includes('test-file')) return null;
  if (testFile && zone !== 'renderer' && zones.includes('tooling')) return null;
  return `${rel} (${zone}) must not import '${pkg}': it belongs to ${zones.filter((x) => x !== 'test-file').join(', ')}.`;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each runtime (renderer, preload, main, core, native, training, host, cli) to its allowed imports' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    function check(node, spec) {
      if (typeof spec !== 'string') return;
      const message = checkImport(root, file, spec);
      if (message) context.report({ node, message });
    }
    return {
      // Type-only imports are checked too: a page that needs a Node type is a design smell.
      ImportDeclaration(node) {
        check(node.source, node.source.value);
      },
      ExportAllDeclaration(node) {
        check(node.source, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node.source, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node.source, node.source.value);
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node.arguments[0], node.arguments[0].value);
        }
      },
    };
  },
};
