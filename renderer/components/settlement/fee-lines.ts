// The fee lines the cashier is building (before they go to the hub), as plain functions so the
// rules read as a specification: quantities and prices are typed as text and kept as scaled
// integers; the amount is price × quantity rounded to fen (src/common/money.lineAmount).
import { lineAmount, parseScaled, SCALE } from '@src/common/money';
import type { CatalogItem } from '@src/contract/methods/catalog';
import type { FeeLineInput } from '@src/contract/methods/settlement';

export interface DraftLine {
  key: string;
  code: string;
  name: string;
  spec: string;
  unit: string;
  /** 01/02/03 or ''. */
  chargeClass: string;
  /** ×10⁶, null: no cap. */
  priceCap: number | null;
  restricted: boolean;
  restriction: string;
  hospApproved: boolean;
  qtyText: string;
  priceText: string;
}

export interface LineCheck {
  /** ×10⁴ when the text is a valid positive quantity. */
  quantity: number | undefined;
  /** ×10⁶ when the text is a valid price. */
  unitPrice: number | undefined;
  /** fen, when both are valid. */
  amountFen: number | undefined;
  /** The price is above the catalogue's cap: the excess is paid by the patient (超限价). */
  overCap: boolean;
}

let nextKey = 0;

/** A new line for a catalogue item: quantity 1 and, when the catalogue has one, the capped price. */
export function lineFromItem(item: CatalogItem): DraftLine {
  return {
    key: `l${++nextKey}`,
    code: item.code,
    name: item.name,
    spec: item.spec,
    unit: item.unit,
    chargeClass: item.chargeClass,
    priceCap: item.priceCap,
    restricted: item.restricted,
    restriction: item.restriction,
    hospApproved: false,
    qtyText: '1',
    priceText: item.priceCap !== null ? trimmedPrice(item.priceCap) : '',
  };
}

function trimmedPrice(scaled: number): string {
  const whole = Math.trunc(scaled / 10 ** SCALE.price);
  const fraction = String(scaled % 10 ** SCALE.price).padStart(SCALE.price, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${whole}.${fraction}`;
}

function parseOr(text: string, scale: number): number | undefined {
  try {
    return parseScaled(text, scale);
  } catch {
    return undefined;
  }
}

export function checkLine(line: DraftLine): LineCheck {
  const q = parseOr(line.qtyText, SCALE.quantity);
  const p = line.priceText.trim() === '' ? undefined : parseOr(line.priceText, SCALE.price);
  const quantity = q !== undefined && q > 0 ? q : undefined;
  const unitPrice = p !== undefined && p >= 0 ? p : undefined;
  return {
    quantity,
    unitPrice,
    amountFen: quantity !== undefined && unitPrice !== undefined ? lineAmount(unitPrice, quantity) : undefined,
    overCap: unitPrice !== undefined && line.priceCap !== null && unitPrice > line.priceCap,
  };
}

/** Adds the item, or one more of it when the same code is already the last line (a second scan). */
export function addItem(lines: readonly DraftLine[], item: CatalogItem): DraftLine[] {
  const last = lines[lines.length - 1];
  if (last && last.code === item.code) {
    const q = parseOr(last.qtyText, SCALE.quantity);
    if (q !== undefined) {
      const next = { ...last, qtyText: trimQuantity(q + 10 ** SCALE.quantity) };
      return [...lines.slice(0, -1), next];
    }
  }
  return [...lines, lineFromItem(item)];
}

function trimQuantity(scaled: number): string {
  const whole = Math.trunc(scaled / 10 ** SCALE.quantity);
  const fraction = String(scaled % 10 ** SCALE.quantity).padStart(SCALE.quantity, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** The lines for the contract, or the first line that is not complete. */
export function toInputs(lines: readonly DraftLine[]): { inputs: FeeLineInput[] } | { invalid: DraftLine } {
  const inputs: FeeLineInput[] = [];
  for (const line of lines) {
    const c = checkLine(line);
    if (c.quantity === undefined || c.unitPrice === undefined) return { invalid: line };
    inputs.push({ code: line.code, name: line.name, quantity: c.quantity, unitPrice: c.unitPrice, hospApproved: line.hospApproved });
  }
  return { inputs };
}

/** Sum of the complete lines, fen. */
export function draftTotal(lines: readonly DraftLine[]): number {
  return lines.reduce((sum, l) => sum + (checkLine(l).amountFen ?? 0), 0);
}
