// Deep redaction of patient data before anything is written to a log (rule 5).
// Keys are matched case-insensitively against the interface's and the terminal's own field names;
// strings under other keys still get resident ID numbers masked by pattern.
import { maskCardNumber, maskIdNumber, maskIdNumbersInText, maskName } from './mask';

const ID_KEYS = new Set(['certno', 'idnumber', 'id_number', 'idno', 'ssn', 'mdtrt_cert_no', 'mdtrtcertno', 'psn_cert_no']);
const NAME_KEYS = new Set(['psn_name', 'psnname', 'name', 'username', 'patientname', 'coner_name', 'holdername']);
const CARD_KEYS = new Set(['card_sn', 'cardsn', 'cardnumber', 'card_no', 'cardidcode', 'ectoken', 'ec_token', 'qrcode', 'payload']);
const DROP_KEYS = new Set(['password', 'passwordhash', 'paastoken', 'paas_token', 'secret', 'token', 'photo', 'fingerprint', 'address', 'addr', 'tel', 'birthplace', 'key', 'authorization']);

function redactValue(key: string, value: unknown, depth: number): unknown {
  const k = key.toLowerCase();
  if (typeof value === 'string') {
    if (ID_KEYS.has(k)) return maskIdNumber(value);
    if (NAME_KEYS.has(k)) return maskName(value);
    if (CARD_KEYS.has(k)) return maskCardNumber(value);
    if (DROP_KEYS.has(k)) return '[redacted]';
    return maskIdNumbersInText(value);
  }
  if (DROP_KEYS.has(k) && value !== null && value !== undefined) return '[redacted]';
  return redactDeep(value, depth + 1);
}

/** Returns a copy of `value` with patient identifiers masked. Cycles and depth are bounded. */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[depth]';
  if (typeof value === 'string') return maskIdNumbersInText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  if (value instanceof Error) {
    return { type: value.name, message: maskIdNumbersInText(value.message), stack: value.stack ? maskIdNumbersInText(value.stack) : undefined, code: (value as { code?: unknown }).code };
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = redactValue(k, v, depth);
  return out;
}
