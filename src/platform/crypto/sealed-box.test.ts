import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataKey, type KeyWrapper } from './data-key';
import { SealedBox } from './sealed-box';

describe('patient data at rest', () => {
  const box = new SealedBox(Buffer.alloc(32, 7));

  it('round-trips a value and never shows it in the sealed form', () => {
    const sealed = box.seal('张伟 320501197203150018');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('320501');
    expect(box.open(sealed)).toBe('张伟 320501197203150018');
    expect(box.seal('x')).not.toBe(box.seal('x'));
  });

  it('refuses a tampered value or one moved to another context', () => {
    const sealed = box.seal('secret', 'queue:1');
    expect(() => box.open(sealed, 'queue:2')).toThrow(/无法解开/);
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => box.open(flipped, 'queue:1')).toThrow(/无法解开/);
  });

  it('gives a stable lookup hash regardless of case (ID numbers ending in x/X)', () => {
    expect(box.lookupHash('31010119850430005x')).toBe(box.lookupHash('31010119850430005X'));
    expect(box.lookupHash('a')).not.toBe(new SealedBox(Buffer.alloc(32, 8)).lookupHash('a'));
  });

  it('creates the key file once, readable only by its owner', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'yk-key-')), 'queue.key');
    const first = loadDataKey(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadDataKey(file).key.equals(first.key)).toBe(true);
  });

  it('wraps the key with the OS key store when one is given, and refuses to open it without', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'yk-key-')), 'queue.key');
    const xor: KeyWrapper = { name: 'test-store', wrap: (k) => Buffer.from(k.map((b) => b ^ 0x5a)), unwrap: (k) => Buffer.from(k.map((b) => b ^ 0x5a)) };
    const created = loadDataKey(file, xor);
    expect(JSON.parse(readFileSync(file, 'utf8')).protection).toBe('test-store');
    expect(loadDataKey(file, xor).key.equals(created.key)).toBe(true);
    expect(() => loadDataKey(file)).toThrow(/系统密钥库/);
  });
});
