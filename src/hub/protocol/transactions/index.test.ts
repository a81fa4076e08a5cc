import { describe, expect, it } from 'vitest';
import { CATALOG_FILE_INFNOS, CATALOG_PAGE_INFNOS, EFFECT_INFNOS, isInfno, transactionSpec, transactions, type Infno } from './index';

const all = Object.keys(transactions) as Infno[];

describe('the transaction registry', () => {
  it('covers every transaction of issue 3', () => {
    const required = ['9001', '9002', '1101', '2201', '2202', '2203', '2204', '2205', '2206', '2207', '2208', '2101', '2102', '2103', '2401', '2402', '2404', '2405', '2301', '2302', '2303', '2304', '2305', '2601', '5203', '1901', '9101', '9102', '3201', '3202', '3203', '3204', '5301', '5304'];
    for (const infno of [...required, ...CATALOG_FILE_INFNOS, ...CATALOG_PAGE_INFNOS]) expect(isInfno(infno), infno).toBe(true);
    for (let n = 1301; n <= 1321; n++) expect(isInfno(String(n)), String(n)).toBe(true);
  });

  it('journals exactly the calls with side effects documented in docs/hub-client.md', () => {
    expect([...EFFECT_INFNOS].sort()).toEqual(['2201', '2202', '2203', '2204', '2205', '2207', '2208', '2102', '2103', '2401', '2402', '2404', '2405', '2301', '2302', '2304', '2305', '2601', '3203', '3204'].sort());
  });

  it('only lets 2601 reverse the transactions the reversal list names, all of them journaled', () => {
    const reversible = all.filter((k) => transactions[k].reversible).sort();
    expect(reversible).toEqual(['2102', '2103', '2207', '2208', '2304', '2305', '2401']);
    for (const k of reversible) expect(transactions[k].kind).toBe('effect');
    expect(all.filter((k) => transactions[k].queryable).sort()).toEqual(['2207', '2304']);
  });

  it('is keyed by each spec\'s own infno and names each in Chinese', () => {
    for (const k of all) {
      expect(transactions[k].infno).toBe(k);
      expect(transactions[k].name).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(transactionSpec('7777')).toBeUndefined();
    expect(transactionSpec('9102')?.binaryOutput).toBe(true);
  });
});
