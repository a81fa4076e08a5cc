// What a virtual social security card carries: card facts and holder, as the issuer personalised
// them. Native code takes these as parameters; training mode builds them from its fixtures.

export interface VirtualSscardProfile {
  /** 32 hex characters. */
  cardIdCode: string;
  /** 卡的类别, one character. */
  cardType: string;
  specVersion: '1.00' | '2.00' | '3.00';
  /** 初始化机构编号: 24 hex characters. */
  issuer: string;
  issueDate: string;
  expiryDate: string;
  /** 卡号, 9 characters. */
  cardNumber: string;
  /** 社会保障号码, 18 characters. */
  ssn: string;
  /** Full name; the card splits it into 姓名 (30 GBK bytes) and 姓名扩展 (20) on 2.00/3.00 cards. */
  name: string;
  gender: string;
  /** 2 digits. */
  nation: string;
  /** 6 digits. */
  birthPlace: string;
  birthDate: string;
}
