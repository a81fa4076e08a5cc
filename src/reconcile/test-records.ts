// Settlement records for unit tests of reconciliation and reports.
import type { SettledRecord } from './settled-record';

let n = 0;

export function record(over: Partial<SettledRecord> = {}): SettledRecord {
  n++;
  return {
    setlId: `S${n}`,
    mdtrtId: `M${n}`,
    psnNo: `31000000000000005005`,
    msgid: `H3101010000120261123101500${String(n).padStart(4, '0')}`,
    infno: '2207',
    kind: 'settle',
    refd: '0',
    insutype: '310',
    clrType: '11',
    medType: '11',
    setlTime: '2026-11-23 10:15:00',
    setlDate: '2026-11-23',
    insuplcAdmdvs: '310000',
    operator: 'sy01',
    medfee: 10_000,
    fund: 6_000,
    acct: 1_000,
    cash: 3_000,
    journalId: n,
    ...over,
  };
}
