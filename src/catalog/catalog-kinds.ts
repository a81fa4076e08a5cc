// The catalogues the hub publishes (1301–1321) as the cache sees them: which are priced fee items
// (a fee line can reference them) and which are code tables (diagnoses, procedures…).
//
// Identities, titles and search groups live in the contract (src/contract/methods/catalog.ts) so
// the renderer can show them; this file adds what only the Node side needs.
import { CATALOG_GROUPS, CATALOG_INFNO_LIST, CATALOG_TITLES, type CatalogGroup, type CatalogInfno } from '@src/contract/methods/catalog';

export type { CatalogInfno, CatalogGroup };
export const CATALOG_INFNOS: readonly CatalogInfno[] = CATALOG_INFNO_LIST;

/** feeItem: priced items (drugs, herbs, services, materials); codeTable: codes and names only. */
export type CatalogShape = 'feeItem' | 'codeTable';

export interface CatalogKind {
  infno: CatalogInfno;
  title: string;
  shape: CatalogShape;
  /** list_type values its rows carry (fee items); empty for code tables. */
  listTypes: readonly string[];
}

const FEE_LIST_TYPES: Partial<Record<CatalogInfno, readonly string[]>> = {
  '1301': ['101', '102'],
  '1302': ['103'],
  '1303': ['104'],
  '1304': ['105'],
  '1305': ['201'],
  '1306': ['301'],
  '1320': ['103'],
  '1321': ['201'],
};

export const CATALOG_KINDS: readonly CatalogKind[] = CATALOG_INFNOS.map((infno) => {
  const listTypes = FEE_LIST_TYPES[infno] ?? [];
  return { infno, title: CATALOG_TITLES[infno], shape: listTypes.length > 0 ? 'feeItem' : 'codeTable', listTypes };
});

export function isCatalogInfno(value: string): value is CatalogInfno {
  return (CATALOG_INFNOS as readonly string[]).includes(value);
}

export function catalogKind(infno: CatalogInfno): CatalogKind {
  return CATALOG_KINDS.find((k) => k.infno === infno) as CatalogKind;
}

/** The catalogues a list_type can appear in (to narrow a search before touching rows). */
export function catalogsOfListTypes(listTypes: readonly string[]): CatalogInfno[] {
  return CATALOG_KINDS.filter((k) => k.listTypes.some((t) => listTypes.includes(t))).map((k) => k.infno);
}

/** The catalogues a search covers: group ∩ catalogs ∩ (catalogues of the list types), in infno order. */
export function searchScope(filter: { group?: CatalogGroup | undefined; catalogs?: readonly CatalogInfno[] | undefined; listTypes?: readonly string[] | undefined }): CatalogInfno[] {
  let scope: readonly CatalogInfno[] = filter.group ? CATALOG_GROUPS[filter.group] : CATALOG_INFNOS;
  if (filter.catalogs) scope = scope.filter((i) => filter.catalogs!.includes(i));
  if (filter.listTypes && filter.listTypes.length > 0) {
    const withTypes = catalogsOfListTypes(filter.listTypes);
    scope = scope.filter((i) => withTypes.includes(i));
  }
  return CATALOG_INFNOS.filter((i) => scope.includes(i));
}
