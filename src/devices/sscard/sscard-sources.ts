// Checked reader settings → a SscardSource (the card application over a PC/SC, serial or HID
// reader, or the national library). The managed driver and `devices read --driver sscard` both
// build their readers here, so the counter and the IT staff's command read cards the same way.
import { DialectReader } from '@native/readers/dialect/dialect-reader';
import { dialectById } from '@native/readers/dialect/dialects';
import { hidFrameLink, serialFrameLink } from '@native/readers/dialect/frame-link';
import { HeaSecSscardSource } from '@native/readers/heasec/heasec-sscard-source';
import { PcscApduReader } from '@native/readers/pcsc/pcsc-reader';
import { ApduSscardSource } from '@native/sscard/sscard-source';
import type { ReadSscardOptions } from '@native/sscard/ssse-reader';
import type { ByteTransport, ReportTransport } from '@native/transport/transport';
import type { HeasecSscardOptions, HidSscardOptions, PcscSscardOptions, SerialSscardOptions } from './sscard-options';

export function readOptionsOf(o: { cardSlot: ReadSscardOptions['cardSlot']; psamSlot: ReadSscardOptions['psamSlot'] }): ReadSscardOptions {
  return { cardSlot: o.cardSlot, psamSlot: o.psamSlot };
}

export function pcscSscardSource(o: PcscSscardOptions): ApduSscardSource {
  const reader = new PcscApduReader({
    reader: o.reader,
    ...(o.psamReader !== undefined ? { psamReader: o.psamReader } : {}),
    ...(o.contactlessReader !== undefined ? { contactlessReader: o.contactlessReader } : {}),
  });
  return new ApduSscardSource(reader, readOptionsOf(o));
}

/** A dialect reader on a serial line the caller opened or will open. */
export function serialSscardSource(transport: ByteTransport, o: Pick<SerialSscardOptions, 'dialect' | 'cardSlot' | 'psamSlot'>): ApduSscardSource {
  const dialect = dialectById(o.dialect);
  return new ApduSscardSource(new DialectReader(serialFrameLink(transport, dialect), dialect), readOptionsOf(o));
}

/** A dialect reader on HID reports. */
export function hidSscardSource(transport: ReportTransport, o: Pick<HidSscardOptions, 'dialect' | 'cardSlot' | 'psamSlot'>): ApduSscardSource {
  const dialect = dialectById(o.dialect);
  return new ApduSscardSource(new DialectReader(hidFrameLink(transport, dialect), dialect), readOptionsOf(o));
}

export function heasecSscardSource(o: HeasecSscardOptions): HeaSecSscardSource {
  return new HeaSecSscardSource({ ...(o.path ? { path: o.path } : {}), init: o.init, encoding: o.encoding, callingConvention: o.callingConvention, timeoutMs: o.timeoutMs });
}
