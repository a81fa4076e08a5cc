// Money, quantities, prices and ratios as integers.
//
// Why: the hub's amounts are decimals (16,2), quantities (16,4), prices (16,6) and ratios (5,4).
// Binary floats cannot hold 0.1 exactly, and a settlement whose parts do not add up to its total
// is rejected by finance. Every amount in the terminal is an integer number of fen (分); every
// other decimal is an integer scaled by a fixed power of ten. Text ↔ integer conversion happens
// only here, on strings, never through a float.

/** An amount of money in fen (1 yuan = 100 fen). Always a safe integer. */
export type Fen = number;

/** Fixed decimal scales used by the national interface. */
export const SCALE = {
  /** amounts: 16,2 */
  money: 2,
  /** cnt: 16,4 */
  quantity: 4,
  /** pric: 16,6 */
  price: 6,
  /** selfpay_prop, pool_prop_selfpay: 5,4 */
  ratio: 4,
} as const;

export class DecimalFormatError extends Error {
  constructor(
    readonly text: string,
    readonly scale: number,
  ) {
    super(`not a decimal with at most ${scale} places: ${JSON.stringify(text)}`);
    this.name = 'DecimalFormatError';
  }
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string into an integer scaled by 10^scale, exactly.
 * Extra trailing zeros are accepted ("1.2300" at scale 2); any other extra digit is an error,
 * because silently rounding a hub amount would break the settlement identities.
 */
export function parseScaled(text: string, scale: number): number {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new DecimalFormatError(text, scale);
  const [, sign, whole = '0', fraction = ''] = m;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > scale) throw new DecimalFormatError(text, scale);
  const digits = BigInt(whole + significant.padEnd(scale, '0'));
  const value = sign === '-' ? -digits : digits;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new DecimalFormatError(text, scale);
  }
  return Number(value);
}

/** Formats an integer scaled by 10^scale as a plain decimal string with exactly `scale` places. */
export function formatScaled(value: number, scale: number): string {
  assertSafeInteger(value);
  const negative = value < 0;
  const digits = String(Math.abs(value)).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? '.' + digits.slice(digits.length - scale) : '';
  return (negative ? '-' : '') + whole + fraction;
}

/** "12.34" → 1234 fen. */
export function parseYuan(text: string): Fen {
  return parseScaled(text, SCALE.money);
}

/** 1234 fen → "12.34". */
export function formatYuan(fen: Fen): string {
  return formatScaled(fen, SCALE.money);
}

/** 1234 fen → "¥12.34" for receipts and screens (thousands separators for large sums). */
export function formatMoney(fen: Fen): string {
  const text = formatYuan(fen);
  const negative = text.startsWith('-');
  const [whole = '0', fraction = '00'] = text.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${grouped}.${fraction}`;
}

export function assertSafeInteger(value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
}

/** Sum of fen amounts; throws if any operand is not an integer. */
export function sumFen(values: readonly Fen[]): Fen {
  let total = 0;
  for (const v of values) {
    assertSafeInteger(v);
    total += v;
  }
  assertSafeInteger(total);
  return total;
}

/** Divides with rounding half away from zero (四舍五入), on BigInt. */
export function divRoundHalfAway(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (n * 2n + denominator) / (denominator * 2n);
  return negative ? -q : q;
}

/**
 * Line amount: price (scale 6) × quantity (scale 4), rounded half away from zero to fen.
 * det_item_fee_sumamt = pric × cnt.
 */
export function lineAmount(priceScaled: number, quantityScaled: number): Fen {
  assertSafeInteger(priceScaled);
  assertSafeInteger(quantityScaled);
  const product = BigInt(priceScaled) * BigInt(quantityScaled); // scale 10
  const fen = divRoundHalfAway(product, 10n ** BigInt(SCALE.price + SCALE.quantity - SCALE.money));
  return Number(fen);
}

/** fen × ratio (scale 4, e.g. 0.05 = 500), rounded half away from zero to fen. */
export function applyRatio(fen: Fen, ratioScaled: number): Fen {
  assertSafeInteger(fen);
  assertSafeInteger(ratioScaled);
  return Number(divRoundHalfAway(BigInt(fen) * BigInt(ratioScaled), 10n ** BigInt(SCALE.ratio)));
}

/** 1 (scale 4) = 10000: the whole amount. */
export const RATIO_ONE = 10 ** SCALE.ratio;
