// Building a hub client for tests: a real terminal.db in a fresh temp folder, a validated
// configuration pointing at a fake or training hub, and an in-memory journal key.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { TerminalConfigSchema, type TerminalConfig } from '@src/contract/config';
import { openTerminalDb } from '@src/database/terminal-db';
import { Hub, type HubDeps } from '@src/hub/hub';
import { SealedBox } from '@src/platform/crypto/sealed-box';
import type { Db } from '@src/platform/db/open';

export interface TestHub {
  hub: Hub;
  db: Db;
  dir: string;
  dbFile: string;
  config: TerminalConfig;
  close(): void;
}

export function testConfig(url: string, patch: Record<string, unknown> = {}): TerminalConfig {
  const base = {
    institution: { code: 'H31010100001', name: '上海市训练示范医院', kind: 'hospital', level: '3' },
    mdtrtareaAdmvs: '310000',
    hub: { url },
    timeouts: { settlementBudgetMs: 10000, callTimeoutMs: 2000, probeIntervalMs: 1000 },
    terminal: { terminalId: 'T07' },
  };
  const merged = deepMerge(base, patch);
  return TerminalConfigSchema.parse(merged);
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && a[k] && typeof a[k] === 'object' ? deepMerge(a[k] as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

export function createTestHub(url: string, options: { config?: Record<string, unknown>; deps?: Partial<HubDeps>; dir?: string; key?: Uint8Array } = {}): TestHub {
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'yk-hub-'));
  const dbFile = path.join(dir, 'terminal.db');
  const db = openTerminalDb(dbFile);
  const config = testConfig(url, options.config);
  const box = new SealedBox(Buffer.from(options.key ?? randomBytes(32)));
  const hub = new Hub({ db, config: () => config, sealer: () => box, retry: { maxAttempts: 3, baseDelayMs: 20 }, ...options.deps });
  return {
    hub,
    db,
    dir,
    dbFile,
    config,
    close() {
      hub.close();
      db.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const OPERATOR = { code: 'sy01', name: '王小红', signNo: '310000202403010830000000000001' };

/** A valid 2207 input (amounts in fen). */
export function settleInput(mdtrtId = 'M0001') {
  return {
    data: {
      psn_no: 'P320500000001',
      mdtrt_cert_type: '02',
      mdtrt_cert_no: '320501197203150018',
      med_type: '11',
      medfee_sumamt: 12345,
      psn_setlway: '01',
      mdtrt_id: mdtrtId,
      chrg_bchno: 'B0001',
      acct_used_flag: '1',
      insutype: '310',
      fulamt_ownpay_amt: 0,
      overlmt_selfpay: 0,
      preselfpay_amt: 345,
      inscp_scp_amt: 12000,
    },
  };
}
