import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHub } from './main';

describe('npm run hub', () => {
  it('starts on the given port with its database, catalogue size and fault flags', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'training-hub-main-'));
    const banner: string[] = [];
    const hub = await runHub(['--port', '0', '--db', path.join(dir, 'hub.db'), '--catalog-rows', '1000', '--fault', 'drop-after-commit@2207*1', '--fault', 'latency@1101,ms=5'], (t) => banner.push(t));
    try {
      expect(hub.catalog.feeItemRows).toBe(1000);
      expect(banner.join('')).toContain(hub.callServiceUrl);
      expect(hub.faults.list().map((f) => `${f.kind}@${f.infno}`)).toEqual(['drop-after-commit@2207', 'latency@1101']);
      const health = (await (await fetch(`${hub.baseUrl}/admin/health`)).json()) as { ok: boolean };
      expect(health.ok).toBe(true);
    } finally {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to listen beyond the loopback', async () => {
    await expect(runHub(['--host', '0.0.0.0', '--db', ':memory:'])).rejects.toThrow(/本机/);
  });
});
