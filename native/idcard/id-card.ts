// What a resident ID card read yields. Dates are YYYY-MM-DD; validTo may be '长期'.
// gender and nation stay codes ('1', '01'): the national interface (1101 gend/naty) uses codes,
// and nations.ts names them for screens.

export interface IdCardText {
  name: string;
  /** 0 未知, 1 男, 2 女, 9 未说明 */
  gender: string;
  /** 2 digits, 01 汉 … */
  nation: string;
  birthDate: string;
  address: string;
  idNumber: string;
  authority: string;
  validFrom: string;
  validTo: string;
}

export interface IdCardData extends IdCardText {
  /** 1024 bytes in the proprietary WLT format; opaque (see wlt-decoder.ts). */
  photoWlt: Uint8Array;
  /** Two 512-byte templates when read with 30 10 and present. */
  fingerprint?: Uint8Array;
}

/** The JSON `yikatong devices read --driver samv --json` prints: exactly these keys. */
export function idCardJson(card: IdCardText): IdCardText {
  return {
    name: card.name,
    gender: card.gender,
    nation: card.nation,
    birthDate: card.birthDate,
    address: card.address,
    idNumber: card.idNumber,
    authority: card.authority,
    validFrom: card.validFrom,
    validTo: card.validTo,
  };
}
