// Wire codecs: one per kind of value the national interface carries.
//
// Why: the hub writes amounts as JSON numbers with 2 decimals (quantities 4, prices 6, ratios 4).
// A JS float cannot hold them exactly, so wire JSON is parsed with lossless-json (numbers stay
// `LosslessNumber` text) and these zod codecs convert each field to an integer at the boundary:
// fen for money, scaled integers for the rest. The same codec works both ways: `schema.decode(wire)`
// gives integers, `schema.encode(domain)` gives wire values (LosslessNumber with exactly the
// field's number of places), so the client and the training hub share one definition.
//
// Tolerance: real hubs sometimes quote numbers ("12.30") or send codes as numbers (`"gend": 1`),
// and send `null` for absent optional fields. Decoding accepts those; encoding always writes the
// canonical form (numbers unquoted, text as strings, absent fields omitted).
import { isLosslessNumber, LosslessNumber } from 'lossless-json';
import { z } from 'zod';
import { formatScaled, parseScaled, SCALE } from '@src/common/money';

/** A number as it may appear in parsed wire JSON: lossless text, a quoted decimal, or (from tests) a JS number. */
export const WireNumber = z.custom<LosslessNumber | string | number>(
  (v) => isLosslessNumber(v) || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)),
  { message: 'expected a number' },
);

/** A text field as it may appear on the wire: a string, or a number some regions send for codes. */
export const WireText = z.custom<string | LosslessNumber | number>(
  (v) => typeof v === 'string' || isLosslessNumber(v) || (typeof v === 'number' && Number.isFinite(v)),
  { message: 'expected text' },
);

function numberText(v: LosslessNumber | string | number): string {
  if (isLosslessNumber(v)) return v.value;
  return typeof v === 'number' ? String(v) : v;
}

type Ctx = { issues: { push(issue: never): void } };

function decodeScaled(v: LosslessNumber | string | number, scale: number, ctx: Ctx): number {
  const text = numberText(v);
  try {
    return parseScaled(text, scale);
  } catch {
    // The text is not shown: the field may be a balance or other patient data.
    ctx.issues.push({ code: 'custom', message: `expected a decimal with at most ${scale} places`, input: '[number]' } as never);
    return 0;
  }
}

/** Codecs for one numeric kind: required, optional (absent/null ↔ undefined) and or-zero (absent/null → 0). */
function scaledKind(scale: number) {
  const encode = (n: number): LosslessNumber => new LosslessNumber(formatScaled(n, scale));
  const required = z.codec(WireNumber, z.number().int(), {
    decode: (v, ctx) => decodeScaled(v, scale, ctx as unknown as Ctx),
    encode,
  });
  const optional = z.codec(WireNumber.nullish(), z.number().int().optional(), {
    decode: (v, ctx) => (v === null || v === undefined || v === '' ? undefined : decodeScaled(v, scale, ctx as unknown as Ctx)),
    encode: (n) => (n === undefined ? undefined : encode(n)),
  });
  const orZero = z.codec(WireNumber.nullish(), z.number().int(), {
    decode: (v, ctx) => (v === null || v === undefined || v === '' ? 0 : decodeScaled(v, scale, ctx as unknown as Ctx)),
    encode,
  });
  return { required, optional, orZero };
}

const money = scaledKind(SCALE.money);
const quantity = scaledKind(SCALE.quantity);
const price = scaledKind(SCALE.price);
const ratio = scaledKind(SCALE.ratio);
const integer = scaledKind(0);
/** age is (4,1) in setlinfo and 1101: tenths of a year. */
const age = scaledKind(1);

const text = z.codec(WireText, z.string(), {
  decode: (v) => numberText(v),
  encode: (s) => s,
});
const textOpt = z.codec(WireText.nullish(), z.string().optional(), {
  decode: (v) => (v === null || v === undefined ? undefined : numberText(v)),
  encode: (s) => s,
});

/** Bytes (9101 upload): base64 text on the wire (C# byte[] style); a JSON array of byte values is accepted too. */
const bytes = z.codec(z.union([z.string(), z.array(WireNumber)]), z.instanceof(Uint8Array), {
  decode: (v, ctx) => {
    if (typeof v === 'string') {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(v)) {
        ctx.issues.push({ code: 'custom', message: 'expected base64', input: '[bytes]' });
        return new Uint8Array();
      }
      return new Uint8Array(Buffer.from(v, 'base64'));
    }
    const out = new Uint8Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const b = Number(numberText(v[i]!));
      if (!Number.isInteger(b) || b < -128 || b > 255) {
        ctx.issues.push({ code: 'custom', message: 'expected byte values', input: '[bytes]' });
        return new Uint8Array();
      }
      out[i] = b & 0xff;
    }
    return out;
  },
  encode: (b) => Buffer.from(b).toString('base64'),
});

/**
 * A list node. Hubs send `null` or leave a list out when it is empty; decoding gives `[]`.
 * Encoding writes the list as is (an empty list as `[]`).
 */
export function list<T extends z.ZodType>(item: T) {
  return z.codec(z.array(item).nullish(), z.array(z.custom<z.output<T>>(() => true)), {
    decode: (v) => v ?? [],
    encode: (v) => v,
  });
}

/** A list node some implementations send as a single object (e.g. 5301 feedetail): decoded as a list either way. */
export function listOrOne<T extends z.ZodType>(item: T) {
  return z.codec(z.union([z.array(item), item]).nullish(), z.array(z.custom<z.output<T>>(() => true)), {
    decode: (v) => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v as z.output<T>]),
    encode: (v) => v,
  });
}

/** Nodes whose content is not specified by the interface (exp_content, transactions without output). */
export const anything = z.unknown();

/**
 * The field kinds. Use `wire.money` for a required amount in fen, `wire.moneyOpt` for an optional
 * one, `wire.moneyOr0` where absent means zero (fund breakdown fields), and so on.
 */
export const wire = {
  /** Amount (16,2) ↔ integer fen. */
  money: money.required,
  moneyOpt: money.optional,
  moneyOr0: money.orZero,
  /** Quantity cnt (16,4) ↔ integer ×10⁴. */
  quantity: quantity.required,
  quantityOpt: quantity.optional,
  /** Price pric / pric_uplmt_amt (16,6) ↔ integer ×10⁶. */
  price: price.required,
  priceOpt: price.optional,
  /** Ratio selfpay_prop / pool_prop_selfpay (5,4) ↔ integer ×10⁴ (0.05 → 500). */
  ratio: ratio.required,
  ratioOpt: ratio.optional,
  /** Whole numbers: counts, page numbers, infcode, sort order. */
  int: integer.required,
  intOpt: integer.optional,
  /** age (4,1) ↔ tenths of a year. */
  ageOpt: age.optional,
  /** Text (codes, IDs, names, dates as the interface formats them). */
  text,
  textOpt,
  bytes,
} as const;
