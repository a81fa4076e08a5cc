import { describe, expect, it } from 'vitest';
import { classifyMismatches } from './classify';
import type { ResultRow } from './detail-file';
import { record } from './test-records';

const row = (over: Partial<ResultRow>): ResultRow => ({ psnNo: 'P', mdtrtId: 'M', setlId: 'S', msgid: 'H', stmtRslt: '0', refd: '0', memo: '', hubMedfee: 100, hubFund: 50, hubAcct: 0, ...over });

describe('classifying 3202 disagreements', () => {
  const mine = [record({ setlId: 'A', msgid: 'MA' }), record({ setlId: 'B', medfee: 100 }), record({ setlId: 'C' })];

  it('names the cause of each: only at the terminal, only at the hub (orphan), amounts differ', () => {
    const out = classifyMismatches(
      [row({ setlId: 'A', msgid: '', stmtRslt: '1' }), row({ setlId: 'B', msgid: 'HB', stmtRslt: '1', hubMedfee: 250 }), row({ setlId: 'X', msgid: 'HX', stmtRslt: '1' }), row({ setlId: 'C', stmtRslt: '0' })],
      mine,
    );
    expect(out.map((m) => [m.setlId, m.kind])).toEqual([
      ['A', 'terminal_only'],
      ['B', 'amount_differs'],
      ['X', 'hub_only'],
    ]);
    expect(out[0]!.msgid).toBe('MA');
    expect(out[1]).toMatchObject({ terminal: { medfee: 100 }, hub: { medfee: 250 } });
    expect(out[2]).toMatchObject({ msgid: 'HX', terminal: undefined });
  });

  it('lists a terminal settlement the hub left out of its file', () => {
    const out = classifyMismatches([row({ setlId: 'A' }), row({ setlId: 'B' })], mine);
    expect(out).toEqual([expect.objectContaining({ setlId: 'C', kind: 'terminal_only' })]);
  });

  it('finds nothing when every row agrees', () => {
    expect(classifyMismatches(mine.map((r) => row({ setlId: r.setlId })), mine)).toEqual([]);
  });
});
