import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '@src/contract/methods/catalog';
import { addItem, checkLine, draftTotal, lineFromItem, toInputs } from './fee-lines';

const item = (over: Partial<CatalogItem> = {}): CatalogItem => ({
  infno: '1301',
  code: 'XA01',
  name: '阿莫西林胶囊',
  listType: '101',
  spec: '0.25g*24',
  dosform: '胶囊',
  pack: '盒',
  unit: '盒',
  maker: '',
  aprvno: '',
  chargeClass: '01',
  selfpayProp: 0,
  priceCap: 12_500_000,
  restricted: false,
  restriction: '',
  medChrgitmType: '',
  categoryCode: '',
  categoryName: '',
  begndate: '',
  enddate: '',
  valid: true,
  version: '',
  match: 'code',
  ...over,
});

describe('fee lines at the counter', () => {
  it('starts a line at quantity 1 and the catalogue cap as price', () => {
    const l = lineFromItem(item());
    expect(l.qtyText).toBe('1');
    expect(l.priceText).toBe('12.50');
    expect(checkLine(l)).toEqual({ quantity: 10000, unitPrice: 12_500_000, amountFen: 1250, overCap: false });
  });

  it('leaves the price empty when the catalogue has no cap, and such a line is not complete', () => {
    const l = lineFromItem(item({ priceCap: null }));
    expect(l.priceText).toBe('');
    expect('invalid' in toInputs([l])).toBe(true);
  });

  it('rounds price × quantity half away from zero to fen', () => {
    const l = { ...lineFromItem(item()), qtyText: '0.5', priceText: '0.015' };
    expect(checkLine(l).amountFen).toBe(1);
  });

  it('marks a price above the cap (the excess is self-paid) without refusing it', () => {
    const c = checkLine({ ...lineFromItem(item()), priceText: '13' });
    expect(c.overCap).toBe(true);
    expect(c.amountFen).toBe(1300);
  });

  it('refuses zero, negative and malformed quantities', () => {
    for (const qtyText of ['0', '-1', 'abc', '1.00001']) expect(checkLine({ ...lineFromItem(item()), qtyText }).quantity).toBeUndefined();
  });

  it('counts a second scan of the same item as one more of the last line', () => {
    const once = addItem([], item());
    const twice = addItem(once, item());
    expect(twice).toHaveLength(1);
    expect(twice[0]?.qtyText).toBe('2');
    expect(addItem(twice, item({ code: 'XB02' }))).toHaveLength(2);
  });

  it('turns complete lines into contract inputs and totals them', () => {
    const lines = [lineFromItem(item()), { ...lineFromItem(item({ code: 'XB02' })), qtyText: '3', priceText: '2' }];
    const r = toInputs(lines);
    expect('inputs' in r && r.inputs).toEqual([
      { code: 'XA01', name: '阿莫西林胶囊', quantity: 10000, unitPrice: 12_500_000, hospApproved: false },
      { code: 'XB02', name: '阿莫西林胶囊', quantity: 30000, unitPrice: 2_000_000, hospApproved: false },
    ]);
    expect(draftTotal(lines)).toBe(1850);
  });
});
