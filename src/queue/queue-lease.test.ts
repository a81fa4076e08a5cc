import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTerminalDb } from '@src/database/terminal-db';
import type { Db } from '@src/platform/db/open';
import { QueueLease } from './queue-lease';

let dir: string;
let dbs: Db[] = [];
afterEach(() => {
  for (const d of dbs) d.close();
  dbs = [];
  rmSync(dir, { recursive: true, force: true });
});

/** Two connections to one file, as the app and the CLI have. */
function twoProcesses(clock: { t: number }): [QueueLease, QueueLease] {
  dir = mkdtempSync(path.join(tmpdir(), 'yk-lease-'));
  const file = path.join(dir, 'terminal.db');
  dbs = [openTerminalDb(file), openTerminalDb(file)];
  return [new QueueLease(dbs[0]!, () => clock.t), new QueueLease(dbs[1]!, () => clock.t)];
}

describe('QueueLease: one drainer across processes', () => {
  it('lets only one owner hold it while it is alive', () => {
    const clock = { t: 1_000 };
    const [app, cli] = twoProcesses(clock);
    expect(app.tryAcquire('app', 500)).toBe(true);
    expect(cli.tryAcquire('cli', 500)).toBe(false);
    expect(cli.holds('cli')).toBe(false);
    expect(app.holds('app')).toBe(true);
  });

  it('passes to another owner when the holder stops heartbeating past the expiry', () => {
    const clock = { t: 1_000 };
    const [app, cli] = twoProcesses(clock);
    app.tryAcquire('app', 500);
    clock.t += 400;
    expect(app.heartbeat('app', 500)).toBe(true);
    clock.t += 400;
    expect(cli.tryAcquire('cli', 500)).toBe(false);
    clock.t += 200;
    expect(cli.tryAcquire('cli', 500)).toBe(true);
    expect(cli.info().generation).toBe(2);
    // The old holder learns it lost the lease and cannot extend it any more.
    expect(app.heartbeat('app', 500)).toBe(false);
    expect(app.holds('app')).toBe(false);
  });

  it('is free again at once when released', () => {
    const clock = { t: 1_000 };
    const [app, cli] = twoProcesses(clock);
    app.tryAcquire('app', 60_000);
    app.release('app');
    expect(cli.tryAcquire('cli', 500)).toBe(true);
    cli.release('app');
    expect(cli.holds('cli')).toBe(true);
  });
});
