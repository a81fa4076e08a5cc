import { describe, expect, it } from 'vitest';
import { AppError } from '@src/common/errors';
import { buildDetailFile, parseResultFile } from './detail-file';
import { record } from './test-records';

describe('3202 detail file', () => {
  it('writes one TAB-separated row per settlement in the interface column order, amounts as yuan', () => {
    const text = buildDetailFile([record({ setlId: 'S9', mdtrtId: 'M9', psnNo: 'P9', medfee: 12_345, fund: 10_001, acct: 0 }), record({ setlId: 'C9', refd: '1', medfee: -5 })]);
    expect(text.split('\n')[0]).toBe('S9\tM9\tP9\t123.45\t100.01\t0.00\t0');
    expect(text.split('\n')[1]).toMatch(/^C9\t.*\t-0\.05\t.*\t1$/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('is empty for a day without settlements', () => {
    expect(buildDetailFile([])).toBe('');
  });
});

describe('3202 result file', () => {
  it('reads each row with the msgid to reverse with and the hub amounts in fen', () => {
    const rows = parseResultFile('\uFEFFP1\tM1\tS1\tH31010100001202611231015009000\t1\t0\t医保中心有此结算，机构无记录\t12.30\t10.00\t0.00\r\nP2\tM2\tS2\t\t1\t0\t机构有此结算，医保中心无记录\t1.00\t0.50\t0.00\n');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ setlId: 'S1', msgid: 'H31010100001202611231015009000', stmtRslt: '1', hubMedfee: 1230, hubFund: 1000, hubAcct: 0 });
    expect(rows[1]!.msgid).toBe('');
  });

  it('accepts a file without the amount columns', () => {
    expect(parseResultFile('P\tM\tS\tX\t0\t0\t\n')[0]).toMatchObject({ setlId: 'S', hubMedfee: undefined });
  });

  it('refuses a short row or a bad amount with the line number, in Chinese', () => {
    expect(() => parseResultFile('P\tM\tS\n')).toThrow(/第1行/);
    const e = (() => {
      try {
        parseResultFile('P\tM\tS\tX\t0\t0\t\t12.345\t0\t0\n');
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('RECONCILE_RESULT_MALFORMED');
  });
});
