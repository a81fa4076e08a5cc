import { describe, expect, it } from 'vitest';
import { CATALOG_FILE_INFNOS } from '@src/hub/protocol/transactions/catalog';
import { CATALOG_GROUPS } from '@src/contract/methods/catalog';
import { CATALOG_INFNOS, catalogKind, catalogsOfListTypes, searchScope } from './catalog-kinds';

describe('the catalogues the cache knows', () => {
  it('are exactly the file catalogues of the interface module', () => {
    expect([...CATALOG_INFNOS]).toEqual([...CATALOG_FILE_INFNOS]);
  });

  it('tell fee items from code tables', () => {
    expect(catalogKind('1301').shape).toBe('feeItem');
    expect(catalogKind('1306').listTypes).toEqual(['301']);
    expect(catalogKind('1307').shape).toBe('codeTable');
    expect(catalogKind('1307').listTypes).toEqual([]);
  });

  it('narrow a search by group, catalogues and list types, always in infno order', () => {
    expect(searchScope({})).toEqual(CATALOG_INFNOS);
    expect(searchScope({ group: 'drug' })).toEqual(CATALOG_GROUPS.drug);
    expect(searchScope({ group: 'drug', catalogs: ['1320', '1301', '1307'] })).toEqual(['1301', '1320']);
    expect(searchScope({ listTypes: ['103'] })).toEqual(['1302', '1320']);
    expect(searchScope({ group: 'diagnosis', listTypes: ['101'] })).toEqual([]);
    expect(catalogsOfListTypes(['201', '301'])).toEqual(['1305', '1306', '1321']);
  });
});
