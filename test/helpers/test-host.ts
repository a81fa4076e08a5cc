// A host in a fresh temporary data folder, for tests. Close it with `await host.close()` (or use
// `withHost`), which also removes the folder.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost, type Host, type HostOptions } from '@src/host/host';
import type { ClientContext } from '@src/host/dispatch';

export interface TestHost extends Host {
  dataRoot: string;
  /** Calls a contract method as a test client; returns the envelope. */
  callAs(clientId: string, method: string, input?: unknown): ReturnType<Host['invoke']>;
  /** Signs a training operator in on `clientId`. */
  signIn(clientId: string, username: string, password?: string): Promise<void>;
}

export async function startTestHost(options: HostOptions = {}): Promise<TestHost> {
  const dataRoot = options.dataRoot ?? mkdtempSync(path.join(os.tmpdir(), 'yk-test-'));
  const host = await startHost({ mode: 'training', ...options, dataRoot });
  const client = (clientId: string): ClientContext => ({ clientId, shell: 'test' });
  return {
    ...host,
    dataRoot,
    callAs: (clientId, method, input = {}) => host.invoke(method, input, client(clientId)),
    async signIn(clientId, username, password = 'train1234') {
      const r = await host.invoke('session.login', { username, password }, client(clientId));
      if (!r.ok) throw new Error(`sign-in of ${username} failed: ${r.error.message}`);
    },
    async close() {
      await host.close();
      if (!options.dataRoot) rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}
