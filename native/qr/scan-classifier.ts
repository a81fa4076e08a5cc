// What a scanned code is: a drug package barcode (for the pharmacy screen) or a 医保电子凭证
// payload (to resolve through the hub's ec.query), or neither.
//
// Drug codes are recognised by structure and check digit: EAN-13/EAN-8/UPC-A/GTIN-14, GS1
// element strings carrying a GTIN, and 20-digit numeric 药品追溯码. The e-voucher payload has no
// public format (devices.md §4), so it is whatever else looks like a code: printable ASCII without
// spaces, 10–512 characters, optionally matching a pattern the region configures. A code that
// looks like a GTIN but fails its check digit is a misread, not an e-voucher.
import { gs1Date, parseGs1 } from './gs1';
import { isValidGtin } from './gtin';

export type DrugSymbology = 'ean13' | 'ean8' | 'upca' | 'gtin14' | 'gs1' | 'drugTrace';

export interface DrugCode {
  kind: 'drug';
  symbology: DrugSymbology;
  /** The code as scanned (AIM prefix removed). */
  code: string;
  /** GTIN-13/14 when the code carries one. */
  gtin?: string;
  batch?: string;
  /** YYYY-MM-DD */
  expiry?: string;
  serial?: string;
}

export type ScanClassification =
  | DrugCode
  | { kind: 'eVoucher'; payload: string }
  | { kind: 'unknown'; code: string; message: string; hint: string };

export interface ClassifierOptions {
  /** Regular expression an e-voucher payload must match (regional knowledge); default: any code. */
  eVoucherPattern?: string;
}

const AIM = /^\][A-Za-z][0-9A-Za-z]/;

function gtinSymbology(code: string): DrugSymbology | undefined {
  if (!isValidGtin(code)) return undefined;
  return ({ 8: 'ean8', 12: 'upca', 13: 'ean13', 14: 'gtin14' } as const)[code.length as 8 | 12 | 13 | 14];
}

export function classifyScan(raw: string, options: ClassifierOptions = {}, now = new Date()): ScanClassification {
  const hadAim = AIM.test(raw);
  const code = (hadAim ? raw.slice(3) : raw).replace(/[\r\n]+$/, '').trim();
  if (code.length === 0) return { kind: 'unknown', code, message: '扫描内容为空', hint: '请重新扫描。' };

  if (/^\d+$/.test(code)) {
    const symbology = gtinSymbology(code);
    if (symbology) return { kind: 'drug', symbology, code, gtin: code.length === 14 ? code : code.padStart(13, '0') };
    if (code.length === 20) return { kind: 'drug', symbology: 'drugTrace', code };
    if ([8, 12, 13, 14].includes(code.length)) {
      return { kind: 'unknown', code, message: '条码校验位错误', hint: '可能是扫描不完整：请对准条码重新扫描，或手工输入。' };
    }
  }

  const gs1 = parseGs1(hadAim ? raw : code);
  const gtin = gs1?.['01'] ?? gs1?.['02'];
  if (gs1 && gtin && isValidGtin(gtin)) {
    const expiry = gs1['17'] ? gs1Date(gs1['17'], now) : undefined;
    return {
      kind: 'drug',
      symbology: 'gs1',
      code,
      gtin,
      ...(gs1['10'] ? { batch: gs1['10'] } : {}),
      ...(expiry ? { expiry } : {}),
      ...(gs1['21'] ? { serial: gs1['21'] } : {}),
    };
  }

  const printable = /^[\x21-\x7e]+$/.test(code);
  const patternOk = options.eVoucherPattern ? safeRegExp(options.eVoucherPattern)?.test(code) ?? false : true;
  if (printable && code.length >= 10 && code.length <= 512 && patternOk) return { kind: 'eVoucher', payload: code };
  return { kind: 'unknown', code, message: '无法识别的条码', hint: '请扫描药品包装条码或患者手机上的医保电子凭证二维码。' };
}

function safeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}
