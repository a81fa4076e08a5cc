// Where the terminal keeps its files.
//
// Data directory, in order: YIKATONG_DATA_DIR; `.yikatong-data/` when running from a checkout (so a
// developer finds and wipes it easily); otherwise the platform's per-user data folder. Training and
// live data are separate sub-folders, so training settlements never mix with real ones.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Mode } from '@src/contract/methods/system';

export const APP_DIR_NAME = 'yikatong-terminal';

function isCheckout(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
    return pkg.name === 'yikatong-terminal' && existsSync(path.join(dir, 'src'));
  } catch {
    return false;
  }
}

export function platformDataDir(): string {
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), APP_DIR_NAME);
}

export function defaultDataDir(cwd = process.cwd()): string {
  if (process.env.YIKATONG_DATA_DIR) return path.resolve(process.env.YIKATONG_DATA_DIR);
  if (isCheckout(cwd)) return path.join(cwd, '.yikatong-data');
  return platformDataDir();
}

export interface DataPaths {
  root: string;
  mode: Mode;
  /** Folder of this mode's files. */
  dir: string;
  terminalDb: string;
  catalogDb: string;
  logs: string;
  /** Key file for at-rest encryption when no OS key store is available (mode 0600). */
  keyFile: string;
  /** Training hub state (training mode only). */
  trainingHubDb: string;
  receipts: string;
  exports: string;
  /** Written at start, removed at clean shutdown: its presence at start means the last stop was unclean. */
  runningMarker: string;
}

export function dataPaths(root: string, mode: Mode): DataPaths {
  const dir = path.join(root, mode);
  return {
    root,
    mode,
    dir,
    terminalDb: path.join(dir, 'terminal.db'),
    catalogDb: path.join(dir, 'catalog.db'),
    logs: path.join(dir, 'logs'),
    keyFile: path.join(dir, 'queue.key'),
    trainingHubDb: path.join(dir, 'training-hub.db'),
    receipts: path.join(dir, 'receipts'),
    exports: path.join(dir, 'exports'),
    runningMarker: path.join(dir, 'running.pid'),
  };
}

/** The mode chosen for the next start (`launch.json` in the data root); training unless set. */
export function readLaunchMode(root: string): Mode {
  try {
    const launch = JSON.parse(readFileSync(path.join(root, 'launch.json'), 'utf8')) as { mode?: string };
    return launch.mode === 'live' ? 'live' : 'training';
  } catch {
    return 'training';
  }
}

export function launchFile(root: string): string {
  return path.join(root, 'launch.json');
}
