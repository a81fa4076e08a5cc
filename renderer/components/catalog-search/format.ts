// How catalogue amounts read at the counter. Everything stays a scaled integer until it becomes
// text here (src/common/money.ts): no floats.
import { formatScaled } from '@src/common/money';
import { CHARGE_CLASS_LABELS, type CatalogItem } from '@src/contract/methods/catalog';

/** Drops trailing zeros after the point but keeps at least `keep` decimals: "1.500000" → "1.50". */
export function trimDecimals(text: string, keep = 0): string {
  const [whole, fraction = ''] = text.split('.');
  const f = fraction.replace(/0+$/, '').padEnd(keep, '0');
  return f ? `${whole}.${f}` : (whole ?? text);
}

/** The unit price cap (scale 6) in yuan, "" when there is none. */
export function formatPriceCap(priceCap: number | null): string {
  return priceCap === null ? '' : trimDecimals(formatScaled(priceCap, 6), 2);
}

/** The self-pay ratio (scale 4: 500 = 5 %) as a percentage, "" when not published. */
export function formatSelfpay(selfpayProp: number | null): string {
  return selfpayProp === null ? '' : `${trimDecimals(formatScaled(selfpayProp, 2))}%`;
}

/** 甲 / 乙 / 丙, "" for code tables. */
export function chargeClassLabel(item: Pick<CatalogItem, 'chargeClass'>): string {
  return item.chargeClass ? CHARGE_CLASS_LABELS[item.chargeClass] : '';
}
