import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCodeListFile } from '@src/training/catalog/icd-source';
import { catalogFixture, ICD_DIAGNOSES_FILE, type CatalogFixture } from '../../../test/helpers/catalog-fixture';
import { scriptedSource, type ScriptedRow } from '../../../test/helpers/catalog-sources';
import { CatalogSearch, type SearchInput } from './catalog-search';

const V1 = '20250101000000';
const drugs: ScriptedRow[] = [
  { code: 'XJ01CAA040A001010100001', name: '阿莫西林胶囊', version: V1, spec: '0.25g', unit: '粒', chrgitmLv: '01', priceCap: '0.350000' },
  { code: 'XJ01CAA040A001010100002', name: '阿莫西林胶囊', version: V1, spec: '0.5g', unit: '粒', chrgitmLv: '01', maker: '另一制药厂' },
  { code: 'XJ01CRA040A001010100003', name: '阿莫西林克拉维酸钾片', version: V1, chrgitmLv: '02', selfpayProp: '0.1000' },
  { code: 'XN02BED055D000000000001', name: '对乙酰氨基酚片', version: V1, chrgitmLv: '01' },
  { code: 'XA11HAV012A001010100001', name: '维生素B12注射液', version: V1, chrgitmLv: '02', selfpayProp: '0.0500' },
  { code: 'XA10AB000000000000000001', name: '胰岛素注射液', version: V1, chrgitmLv: '02', valiFlag: '0', enddate: '2025-06-30' },
  { code: 'ZA12BD001M0000000000001', name: '速效救心丸', version: V1, listType: '102', chrgitmLv: '03', selfpayProp: '1.0000' },
  { code: 'XFUTURE000000000000000001', name: '未来上市片', version: V1, begndate: '2099-01-01' },
];
const services: ScriptedRow[] = [
  { code: '001102000010000', name: '药学门诊诊查费', version: V1, listType: '201', chrgitmLv: '01' },
  { code: '001204000010000', name: '静脉注射', version: V1, listType: '201', chrgitmLv: '01' },
];
const diagnoses: ScriptedRow[] = [
  { code: 'E11.900', name: '2型糖尿病', version: V1 },
  { code: 'E11.900x001', name: '2型糖尿病性周围神经病', version: V1 },
  { code: 'E10.900', name: '1型糖尿病', version: V1 },
  { code: 'I10.x00', name: '高血压', version: V1 },
  { code: 'I10.x00x002', name: '高血压1级', version: V1 },
  { code: 'J06.900', name: '急性上呼吸道感染', version: V1 },
];

describe('searching the catalogue', () => {
  let fx: CatalogFixture;
  let search: CatalogSearch;
  const find = (text: string, more: Partial<SearchInput> = {}) => search.search({ text, validToday: true, limit: 50, ...more });
  const codes = (text: string, more: Partial<SearchInput> = {}) => find(text, more).items.map((i) => i.code);
  const names = (text: string, more: Partial<SearchInput> = {}) => find(text, more).items.map((i) => i.name);

  beforeAll(async () => {
    fx = catalogFixture(scriptedSource({ '1301': drugs, '1305': services, '1307': diagnoses }));
    await fx.syncNow();
    search = new CatalogSearch(fx.db, () => '2026-11-23');
  });
  afterAll(() => fx.close());

  it('finds an exact code first, case-insensitively, then codes that start with it', () => {
    const r = find('e11.900');
    expect(r.items[0]).toMatchObject({ code: 'E11.900', name: '2型糖尿病', match: 'code' });
    expect(r.items[1]).toMatchObject({ code: 'E11.900x001', match: 'codePrefix' });
    expect(codes('XJ01CAA040A00101010000')).toEqual(['XJ01CAA040A001010100001', 'XJ01CAA040A001010100002']);
  });

  it('finds a name by one character, two characters (indexed grams) and three or more (trigram index)', () => {
    expect(names('莫')).toEqual(expect.arrayContaining(['阿莫西林胶囊', '阿莫西林克拉维酸钾片']));
    expect(names('西林')).toEqual(['阿莫西林胶囊', '阿莫西林胶囊', '阿莫西林克拉维酸钾片']);
    expect(names('克拉维')).toEqual(['阿莫西林克拉维酸钾片']);
    expect(names('西林克拉维酸')).toEqual(['阿莫西林克拉维酸钾片']);
    expect(find('林克拉').items[0]!.match).toBe('nameSubstring');
  });

  it('ranks the exact name first, then names containing the text, shortest first (a name starting with it wins a tie)', () => {
    expect(names('糖尿病', { group: 'diagnosis' })).toEqual(['1型糖尿病', '2型糖尿病', '2型糖尿病性周围神经病']);
    expect(find('高血压', { group: 'diagnosis' }).items.map((i) => [i.name, i.match])).toEqual([
      ['高血压', 'name'],
      ['高血压1级', 'namePrefix'],
    ]);
  });

  it('finds by pinyin initials (助记码) and by full pinyin', () => {
    expect(find('amxl').items[0]).toMatchObject({ name: '阿莫西林胶囊', match: 'pinyinInitials' });
    expect(names('AMXLK')).toEqual(['阿莫西林克拉维酸钾片']);
    expect(find('amoxilin').items.map((i) => [i.name, i.match])).toContainEqual(['阿莫西林克拉维酸钾片', 'pinyinFull']);
    expect(names('2xtnb')).toEqual(['2型糖尿病', '2型糖尿病性周围神经病']);
  });

  it('matches full-width input and Latin letters inside names', () => {
    expect(names('维生素Ｂ１２')).toEqual(['维生素B12注射液']);
    expect(names('b12')).toEqual(['维生素B12注射液']);
  });

  it('shows what the counter needs: spec, unit, price cap, class and self-pay ratio', () => {
    const item = find('XJ01CAA040A001010100001').items[0]!;
    expect(item).toMatchObject({ infno: '1301', spec: '0.25g', unit: '粒', chargeClass: '01', priceCap: 350_000, selfpayProp: 0, valid: true, listType: '101' });
    expect(find('克拉维酸').items[0]).toMatchObject({ chargeClass: '02', selfpayProp: 1000 });
  });

  it('filters by catalogue group, list type and class', () => {
    expect(names('注射', { group: 'service' })).toEqual(['静脉注射']);
    expect(names('注射', { group: 'drug' })).toEqual(['维生素B12注射液']);
    expect(names('片', { listTypes: ['102'] })).toEqual([]);
    expect(names('丸', { listTypes: ['102'] })).toEqual(['速效救心丸']);
    expect(codes('XJ01', { classes: ['02'] })).toEqual(['XJ01CRA040A001010100003']);
    expect(find('糖尿病', { group: 'drug' }).items).toEqual([]);
  });

  it('leaves out items not valid today unless asked, and says which are valid', () => {
    expect(names('胰岛素')).toEqual([]);
    expect(names('未来')).toEqual([]);
    const all = find('胰岛素', { validToday: false }).items;
    expect(all).toHaveLength(1);
    expect(all[0]!.valid).toBe(false);
  });

  it('limits results and says when there were more', () => {
    const r = find('阿莫', { limit: 2 });
    expect(r.items).toHaveLength(2);
    expect(r.truncated).toBe(true);
    expect(find('速效').truncated).toBe(false);
  });

  it('returns nothing for blank text or an empty scope, without error', () => {
    expect(find('   ').items).toEqual([]);
    expect(find('片', { group: 'diagnosis', listTypes: ['101'] }).items).toEqual([]);
    expect(find('"').items).toEqual([]);
    expect(find('a"b"c').items).toEqual([]);
  });

  it('looks one code up, for a fee line, and answers null when the cache does not have it', () => {
    expect(search.lookup('xn02bed055d000000000001')).toMatchObject({ name: '对乙酰氨基酚片', match: 'lookup' });
    expect(search.lookup('E11.900', '1307')?.name).toBe('2型糖尿病');
    expect(search.lookup('E11.900', '1301')).toBeNull();
    expect(search.lookup('NOPE')).toBeNull();
  });

  it('never scans the catalogue: every query kind reads through an index', () => {
    const plans: string[] = [];
    const spy = fx.db.prepare.bind(fx.db);
    const probe = new CatalogSearch(
      Object.assign(Object.create(fx.db) as typeof fx.db, {
        prepare: (sql: string) => {
          plans.push(...(fx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ today: '2026-11-23', q: 'x', qEnd: 'y', limit: 1, id: 1, ids: '[1]', phrase: '"abc"', code: 'x', infno: null }) as { detail: string }[]).map((p) => p.detail));
          return spy(sql);
        },
      }),
      () => '2026-11-23',
    );
    for (const text of ['E11', '阿', '阿莫', '阿莫西', 'amxl', 'amoxi']) probe.search({ text, validToday: true, limit: 20 });
    const scans = plans.filter((p) => /^SCAN (item|name|name_gram)\b/.test(p));
    expect(plans.filter((p) => p.startsWith('SEARCH')).length).toBeGreaterThan(10);
    expect(scans).toEqual([]);
  });
});

describe.skipIf(!existsSync(ICD_DIAGNOSES_FILE))('searching the real ICD-10 医保版 2.0 diagnoses', () => {
  let fx: CatalogFixture;
  let search: CatalogSearch;
  beforeAll(async () => {
    const list = readCodeListFile(ICD_DIAGNOSES_FILE)!;
    fx = catalogFixture(scriptedSource({ '1307': list.map(([code, name]) => ({ code, name, version: V1 })) }));
    await fx.syncNow();
    search = new CatalogSearch(fx.db, () => '2026-11-23');
  }, 60_000);
  afterAll(() => fx.close());

  it('loads all 33 thousand diagnoses', () => {
    expect(Number(fx.db.prepare("SELECT row_count FROM catalog_state WHERE infno = '1307'").pluck().get())).toBeGreaterThan(33_000);
  });

  it('finds a diagnosis by code, by name and by pinyin initials', () => {
    const s = (text: string) => search.search({ text, group: 'diagnosis', validToday: true, limit: 20 }).items;
    expect(s('A00.000')[0]).toMatchObject({ code: 'A00.000', match: 'code' });
    expect(s('霍乱')[0]).toMatchObject({ name: '霍乱', match: 'name' });
    expect(s('糖尿病').map((i) => i.name)).toContain('2型糖尿病');
    expect(s('GXY')[0]!.name.startsWith('高血压')).toBe(true);
    expect(s('肺').length).toBe(20);
  });
});
if (!existsSync(ICD_DIAGNOSES_FILE)) console.warn(`real ICD table absent (${ICD_DIAGNOSES_FILE}): the ICD search tests were skipped; the scripted diagnoses above still ran`);
