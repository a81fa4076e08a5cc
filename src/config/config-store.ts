// The terminal configuration, stored as one validated JSON document in the terminal database.
//
// Reads are cached and cheap; every update is validated whole (so a half-valid patch changes
// nothing), audited with the changed field paths, and announced to listeners (the hub client picks
// up new timeouts and URLs without a restart).
import { EventEmitter } from 'node:events';
import type { z } from 'zod';
import { AppError } from '@src/common/errors';
import { SECRET_MASK, SECRET_PATHS, TerminalConfigSchema, type TerminalConfig } from '@src/contract/config';
import type { Db } from '@src/platform/db/open';
import { labelOf } from './labels';

const KEY = 'terminal';

type Json = Record<string, unknown>;

function isPlainObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge where arrays and scalars in `patch` replace, objects merge. */
export function mergePatch(base: Json, patch: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    out[k] = isPlainObject(v) && isPlainObject(base[k]) ? mergePatch(base[k] as Json, v) : v;
  }
  return out;
}

function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (isPlainObject(o) ? o[k] : undefined), obj);
}

function setPath(obj: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let o: Json = obj;
  for (const k of keys.slice(0, -1)) {
    if (!isPlainObject(o[k])) return;
    o = o[k] as Json;
  }
  o[keys[keys.length - 1]!] = value;
}

/** Leaf paths whose values differ between two documents. */
export function changedPaths(a: unknown, b: unknown, prefix = ''): string[] {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => changedPaths(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix];
}

/** Turns zod issues into one Chinese message naming each bad field. */
export function describeConfigIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${labelOf(i.path.join('.'))}：${i.message}`)
    .join('；');
}

export function parseConfig(raw: unknown): TerminalConfig {
  const result = TerminalConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new AppError({
      code: 'CONFIG_INVALID',
      message: `配置不正确：${describeConfigIssues(result.error)}`,
      hint: '请修改上述项目后重新保存；其他设置未作改动。',
      detail: result.error.message,
    });
  }
  return result.data;
}

export function maskSecrets(config: TerminalConfig): TerminalConfig {
  const copy = structuredClone(config) as unknown as Json;
  for (const p of SECRET_PATHS) if (typeof getPath(copy, p) === 'string' && getPath(copy, p) !== '') setPath(copy, p, SECRET_MASK);
  return copy as unknown as TerminalConfig;
}

export interface ConfigChange {
  config: TerminalConfig;
  changed: string[];
}

export class ConfigStore {
  private cached: TerminalConfig | undefined;
  private readonly emitter = new EventEmitter();

  constructor(private readonly db: Db) {}

  get(): TerminalConfig {
    if (!this.cached) {
      const row = this.db.prepare('SELECT value FROM config WHERE key = ?').get(KEY) as { value: string } | undefined;
      this.cached = parseConfig(row ? JSON.parse(row.value) : {});
    }
    return this.cached;
  }

  /** Validates and stores a partial update. Secrets sent back masked keep their stored value. */
  update(patch: Json, updatedBy: string): ConfigChange {
    const current = this.get();
    const merged = mergePatch(current as unknown as Json, patch);
    for (const p of SECRET_PATHS) if (getPath(merged, p) === SECRET_MASK) setPath(merged, p, getPath(current, p));
    const next = parseConfig(merged);
    const changed = changedPaths(current, next);
    if (changed.length > 0) {
      this.db.prepare(`INSERT INTO config (key, value, updated_by) VALUES (?, ?, ?)
        ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by,
        updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`).run(KEY, JSON.stringify(next), updatedBy);
      this.cached = next;
      this.emitter.emit('change', { config: next, changed } satisfies ConfigChange);
    }
    return { config: next, changed };
  }

  /** Replaces the whole document (config file import); same validation. */
  replace(raw: unknown, updatedBy: string): ConfigChange {
    const next = parseConfig(raw);
    return this.update(next as unknown as Json, updatedBy);
  }

  onChange(listener: (change: ConfigChange) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }
}

/** Turns `hub.url=value` style assignments (CLI) into a nested patch; values parsed as JSON when they look like it. */
export function patchFromAssignments(assignments: readonly string[]): Json {
  const patch: Json = {};
  for (const a of assignments) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new AppError({ code: 'CONFIG_BAD_ASSIGNMENT', message: `无法理解“${a}”`, hint: '格式为 路径=值，例如 hub.url=https://example/fsi/api/rsfComIfsService/callService' });
    const key = a.slice(0, eq).trim();
    const rawValue = a.slice(eq + 1);
    let value: unknown = rawValue;
    if (/^(-?\d+|true|false|null|\{.*\}|\[.*\])$/s.test(rawValue.trim())) {
      try {
        value = JSON.parse(rawValue);
      } catch {
        value = rawValue;
      }
    }
    const keys = key.split('.');
    let o = patch;
    for (const k of keys.slice(0, -1)) o = (o[k] = isPlainObject(o[k]) ? o[k] : {}) as Json;
    o[keys[keys.length - 1]!] = value;
  }
  return patch;
}
