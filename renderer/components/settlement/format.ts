// Display helpers for the settlement screens: money, quantities, prices and ratios from their
// scaled integers, always through src/common/money (no floats on amounts).
import { formatMoney, formatScaled, SCALE } from '@src/common/money';

/** 1234 → "¥12.34". */
export const money = (fen: number): string => formatMoney(fen);

/** 15000 (×10⁴) → "1.5"; trailing zeros dropped so "2" reads as 2, not 2.0000. */
export function quantityText(scaled: number): string {
  return trimZeros(formatScaled(scaled, SCALE.quantity));
}

/** 12500000 (×10⁶) → "12.50": at least two places, more only when the price has them. */
export function priceText(scaled: number): string {
  const full = formatScaled(scaled, SCALE.price);
  const [whole, fraction = ''] = full.split('.');
  const kept = fraction.replace(/0+$/, '').padEnd(2, '0');
  return `${whole}.${kept}`;
}

/** 500 (×10⁴) → "5%"; 10000 → "100%". */
export function percentText(scaled: number): string {
  return `${trimZeros(formatScaled(scaled, SCALE.ratio - 2))}%`;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
