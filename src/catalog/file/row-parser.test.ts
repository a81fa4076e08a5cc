import { describe, expect, it } from 'vitest';
import { decodeDetail } from '../item-detail';
import { catalogKind } from '../catalog-kinds';
import { readHeader } from './column-layout';
import { normalizeDate, RowParser } from './row-parser';

const FEE_HEADER = 'med_list_codg\thilist_name\tlist_type\tspec\tdosform\tmin_pacunt\tprcunt\tprodentp_name\taprvno\tchrgitm_lv\tselfpay_prop\tpric_uplmt_amt\tlmt_used_flag\tlmt_used_dscr\tmed_chrgitm_type\tpinyin\tbegndate\tenddate\tvali_flag\trid\tupdt_time\tver';
const row = (over: Partial<Record<string, string>> = {}): string => {
  const v = { code: 'XN02BED055D000000000001', name: '对乙酰氨基酚颗粒', lt: '101', lv: '02', prop: '0.0500', price: '9.240000', vali: '1', beg: '2025-01-01', end: '', ver: '20250101000000', ...over };
  return [v.code, v.name, v.lt, '0.125g', '颗粒剂', '10袋/盒', '袋', '云南和健医药集团有限公司', '国药准字H19986198', v.lv, v.prop, v.price, '1', '限器官移植术后抗排异治疗', '09', 'DYXAJFKL', v.beg, v.end, v.vali, '1301000000000001', '2025-01-01 00:00:00', v.ver].join('\t');
};
const parser = new RowParser(readHeader(FEE_HEADER, 't'), catalogKind('1301'));

describe('a catalogue file header', () => {
  it('maps columns by name, whatever their order', () => {
    const layout = readHeader('ver\tname\tcode', 't');
    expect(layout.columns).toBe(3);
    expect(layout.index.code).toBe(2);
    expect(layout.index.version).toBe(0);
    expect(layout.index.spec).toBe(-1);
  });

  it('is required: a file whose first line is data is refused, not guessed at', () => {
    expect(() => readHeader(row(), 'f.zip')).toThrow(expect.objectContaining({ code: 'CATALOG_FILE_FORMAT' }));
  });
});

describe('a catalogue row', () => {
  it('becomes a record with integer price (scale 6) and ratio (scale 4)', () => {
    const r = parser.parse(row());
    expect(r).toMatchObject({ ok: true, record: { code: 'XN02BED055D000000000001', name: '对乙酰氨基酚颗粒', listType: '101', chargeClass: '02', selfpayProp: 500, priceCap: 9_240_000, valiFlag: 1, begndate: '2025-01-01', enddate: '', version: '20250101000000' } });
    expect(r.ok && decodeDetail(r.record.detail)).toMatchObject({ spec: '0.125g', unit: '袋', maker: '云南和健医药集团有限公司', lmtUsedFlag: '1', lmtUsedDscr: '限器官移植术后抗排异治疗' });
  });

  it('accepts an empty price (no cap) and ratio, and class written without the leading zero', () => {
    expect(parser.parse(row({ price: '', prop: '', lv: '3' }))).toMatchObject({ ok: true, record: { priceCap: null, selfpayProp: null, chargeClass: '03' } });
  });

  it.each([
    [{ code: '' }, '编码为空'],
    [{ code: 'X 1' }, '编码过长或含空白字符'],
    [{ name: '' }, '名称为空'],
    [{ ver: '' }, '版本号为空或过长'],
    [{ lv: '04' }, '不是甲乙丙类'],
    [{ prop: '1.5' }, '自付比例'],
    [{ prop: 'abc' }, '自付比例'],
    [{ price: '-1' }, '限价'],
    [{ price: '1.0000001' }, '限价'],
    [{ vali: 'Y' }, '有效标志'],
    [{ beg: '2025/01/01' }, '日期'],
    [{ lt: 'AB' }, '目录类别'],
  ])('is refused with a reason: %o', (over, reason) => {
    const r = parser.parse(row(over));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });

  it('with the wrong number of columns is refused and names both counts', () => {
    const r = parser.parse(row() + '\textra');
    expect(r).toEqual({ ok: false, code: 'XN02BED055D000000000001', reason: '列数为 23，表头为 22 列' });
  });

  it('of a fee catalogue without list_type gets the catalogue’s type', () => {
    const p = new RowParser(readHeader('code\tname\tver', 't'), catalogKind('1306'));
    expect(p.parse('C1\t一次性注射器\tv1')).toMatchObject({ ok: true, record: { listType: '301', chargeClass: '', valiFlag: 1 } });
  });
});

describe('dates', () => {
  it('are normalised to yyyy-MM-dd', () => {
    expect(normalizeDate('2025-01-01 00:00:00')).toBe('2025-01-01');
    expect(normalizeDate('20250131')).toBe('2025-01-31');
    expect(normalizeDate('')).toBe('');
    expect(normalizeDate('2025-13-01')).toBeUndefined();
  });
});
