import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '@src/contract/methods/catalog';
import { itemLine, parseOnly } from './catalog-command';

const item: CatalogItem = {
  infno: '1301', code: 'XJ01CAA040A001010100001', name: '阿莫西林胶囊', listType: '101', spec: '0.25g', dosform: '胶囊剂', pack: '24粒/盒', unit: '粒', maker: '训练制药',
  aprvno: '', chargeClass: '02', selfpayProp: 500, priceCap: 1_500_000, restricted: false, restriction: '', medChrgitmType: '09', categoryCode: '', categoryName: '',
  begndate: '2025-01-01', enddate: '', valid: true, version: '20250101000000', match: 'code',
};

describe('yikatong catalog', () => {
  it('reads --only as a list of catalogue numbers and refuses unknown ones with the usable form', () => {
    expect(parseOnly('1301,1307')).toEqual(['1301', '1307']);
    expect(parseOnly('1301，1305 1306')).toEqual(['1301', '1305', '1306']);
    expect(parseOnly(undefined)).toBeUndefined();
    expect(() => parseOnly('1301,1312')).toThrow(/1312/);
    expect(() => parseOnly('')).toThrow(/目录编号/);
  });

  it('prints an item on one line: code, name, spec/unit, class, self-pay ratio and price cap without float formatting', () => {
    expect(itemLine(item)).toBe('1301 XJ01CAA040A001010100001  阿莫西林胶囊  0.25g/粒  乙类 自付5% 限价1.50元');
    expect(itemLine({ ...item, chargeClass: '', selfpayProp: null, priceCap: null, spec: '', unit: '', valid: false })).toBe('1301 XJ01CAA040A001010100001  阿莫西林胶囊  [停用]');
  });
});
