// The photo hook. ID-card photos are 1024 bytes of the proprietary WLT format; turning them into
// a 102×126 BMP needs a licensed vendor library (WltRS / libwlt / DecodeWlt with base.dat and
// license.lic). The terminal keeps the bytes opaque; an installation that has a licensed decoder
// registers it here (e.g. through koffi) and screens then receive the BMP.
export interface WltDecoder {
  readonly name: string;
  /** WLT (1024 bytes) → BMP file bytes. */
  decode(wlt: Uint8Array): Promise<Uint8Array>;
}

let current: WltDecoder | undefined;

export function setWltDecoder(decoder: WltDecoder | undefined): void {
  current = decoder;
}

export function wltDecoder(): WltDecoder | undefined {
  return current;
}

/** BMP bytes when a decoder is registered and succeeds; undefined otherwise (never throws). */
export async function decodeIdPhoto(wlt: Uint8Array): Promise<Uint8Array | undefined> {
  if (!current) return undefined;
  try {
    return await current.decode(wlt);
  } catch {
    return undefined;
  }
}
