import { describe, expect, it } from 'vitest';
import { record } from '@src/reconcile/test-records';
import { csvField, summaryCsv, toCsv } from './csv';
import { parseCsvRows } from './reports-service';
import { buildSummary } from './summary-report';

describe('CSV export', () => {
  it('quotes only fields that need it and starts with a BOM for Excel', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(12)).toBe('12');
    expect(toCsv([['a', 'b'], ['c']])).toBe('\uFEFFa,b\r\nc\r\n');
  });

  it('writes amounts as exact yuan text and reads back cell for cell', () => {
    const s = buildSummary({ range: { from: '2026-11-23', to: '2026-11-23' }, records: [record({ medfee: 123_456_789, fund: 1, acct: 0, cash: 123_456_788 })], reversals: 0, institution: '医院,总院', mdtrtareaAdmvs: '310000', now: new Date() });
    const csv = summaryCsv(s);
    expect(csv).toContain('合计,1,1234567.89,0.01,0.00,1234567.88');
    const rows = parseCsvRows(csv);
    expect(rows[0]).toEqual(['结算汇总', '医院,总院', '2026-11-23 至 2026-11-23']);
  });
});
