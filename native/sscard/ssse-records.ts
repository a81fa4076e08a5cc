// Decoding of READ RECORD answers into typed fields, per the layout in ssse-layout.ts.
import { AppError } from '@src/common/errors';
import { BcdFormatError, decodeBcdDate, decodeBcdDigits } from './bcd';
import { toHex } from './bytes';
import { CardTextError, decodeAsciiField, decodeGbkField } from './card-text';
import { badRecord } from './sscard-errors';
import type { RecordSpec } from './ssse-layout';
import { TlvFormatError, decodeSimpleTlv } from './tlv';

/** Decodes one record answer (`tag len value`, SW already removed) into the field's text. */
export function decodeRecord(spec: RecordSpec, data: Uint8Array): string {
  try {
    const objects = decodeSimpleTlv(data);
    const first = objects[0];
    if (!first) throw new TlvFormatError('empty record');
    if (first.tag !== spec.tag) throw new TlvFormatError(`expected tag ${spec.tag.toString(16)}, got ${first.tag.toString(16)}`);
    return decodeValue(spec, first.value);
  } catch (e) {
    if (e instanceof TlvFormatError || e instanceof BcdFormatError || e instanceof CardTextError) {
      throw badRecord(spec.label, `record ${spec.tag.toString(16)} (${spec.field}): ${e.message}`);
    }
    throw e;
  }
}

function decodeValue(spec: RecordSpec, value: Uint8Array): string {
  if (value.length > spec.length) throw new TlvFormatError(`${value.length} bytes, at most ${spec.length} expected`);
  switch (spec.encoding) {
    case 'hex':
      if (value.length === 0) throw new TlvFormatError('empty value');
      return toHex(value);
    case 'ascii':
      return decodeAsciiField(value);
    case 'gbk':
      return decodeGbkField(value);
    case 'bcdDate':
      return decodeBcdDate(value);
    case 'bcd': {
      const digits = decodeBcdDigits(value);
      if (digits.length === 0) throw new BcdFormatError('no digits');
      return digits;
    }
    case 'code': {
      if (value.length !== 1) throw new TlvFormatError(`a code is 1 byte, got ${value.length}`);
      const b = value[0] as number;
      if (b >= 0x30 && b <= 0x39) return String.fromCharCode(b);
      if (b <= 0x09) return String(b);
      throw new TlvFormatError(`code byte ${b.toString(16)} is neither an ASCII digit nor 0–9`);
    }
  }
}

/** Whole-record checks that need more than one field. */
export function checkCardIdCode(cardIdCode: string): void {
  if (!/^[0-9A-F]{32}$/.test(cardIdCode)) {
    throw new AppError({
      code: 'SSCARD_BAD_RECORD',
      message: '社保卡的卡识别码格式不正确',
      hint: '请取出社保卡后重新插卡再读；仍失败请联系发卡机构。',
      detail: `card ID code is not 32 hex characters (${cardIdCode.length})`,
      data: { returnCode: -20, field: '卡识别码' },
    });
  }
}
