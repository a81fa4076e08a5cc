// A row of item (joined with its name) as the contract's CatalogItem.
import type { CatalogItem, MatchKind } from '@src/contract/methods/catalog';
import type { CatalogInfno } from '../catalog-kinds';
import { decodeDetail } from '../item-detail';

/** The columns every item query selects (alias i = item, n = name). */
export const ITEM_COLUMNS = `i.id, i.infno, i.code, i.name_id, n.text AS name, n.ord AS name_ord, n.len AS name_len, i.list_type, i.chrgitm_lv, i.selfpay_prop, i.price_cap, i.begndate, i.enddate, i.vali_flag, i.ver, i.detail,
  (SELECT l.medins_list_codg || char(31) || l.name FROM local_item l WHERE l.med_list_codg = i.code ORDER BY l.medins_list_codg LIMIT 1) AS local`;

export interface ItemRow {
  id: number;
  infno: CatalogInfno;
  code: string;
  name_id: number;
  name: string;
  name_ord: number;
  name_len: number;
  list_type: string;
  chrgitm_lv: string;
  selfpay_prop: number | null;
  price_cap: number | null;
  begndate: string;
  enddate: string;
  vali_flag: number;
  ver: string;
  detail: string;
  local: string | null;
}

/** Valid on `today` (yyyy-MM-dd): published as valid and inside its dates. */
export function validOn(row: Pick<ItemRow, 'vali_flag' | 'begndate' | 'enddate'>, today: string): boolean {
  return row.vali_flag === 1 && row.begndate <= today && (row.enddate === '' || row.enddate >= today);
}

export function toCatalogItem(row: ItemRow, match: MatchKind, today: string): CatalogItem {
  const d = decodeDetail(row.detail);
  const [localCode, localName] = row.local ? row.local.split('\u001f') : [];
  return {
    infno: row.infno,
    code: row.code,
    name: row.name,
    listType: row.list_type,
    spec: d.spec,
    dosform: d.dosform,
    pack: d.pack,
    unit: d.unit,
    maker: d.maker,
    aprvno: d.aprvno,
    chargeClass: row.chrgitm_lv === '01' || row.chrgitm_lv === '02' || row.chrgitm_lv === '03' ? row.chrgitm_lv : '',
    selfpayProp: row.selfpay_prop,
    priceCap: row.price_cap,
    restricted: d.lmtUsedFlag === '1',
    restriction: d.lmtUsedDscr,
    medChrgitmType: d.medChrgitmType,
    categoryCode: d.categoryCode,
    categoryName: d.categoryName,
    begndate: row.begndate,
    enddate: row.enddate,
    valid: validOn(row, today),
    version: row.ver,
    match,
    ...(localCode ? { localCode } : {}),
    ...(localName ? { localName } : {}),
  };
}
