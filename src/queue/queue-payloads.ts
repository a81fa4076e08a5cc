// What each kind of queued item carries (sealed in the store). Producers (src/offline, settlement's
// pending-reversal hook) build these; the executors in ./executors send them.

/** An operator as the envelope names them (经办人). */
export interface QueueOperator {
  code: string;
  name: string;
}

/** A fee line of an offline visit: amounts in fen, price ×10⁶, quantity ×10⁴. */
export interface QueuedFeeLine {
  /** 医保目录编码 (national code, from the catalogue cache). */
  code: string;
  /** 医院目录编码 (defaults to the national code). */
  localCode?: string | undefined;
  price: number;
  quantity: number;
  amountFen: number;
  hospApprFlag?: string | undefined;
}

/** 延时结算: a visit served while the hub was unreachable, settled when it returns. */
export interface OutpatientSettlementPayload {
  operator: QueueOperator;
  /** 就诊凭证: 02 身份证号, 03 社保卡 (+ card_sn), 01 电子凭证令牌 (expires: avoid offline). */
  cert: { type: '01' | '02' | '03'; no: string; cardSn?: string | undefined };
  insutype: string;
  /** When known from an earlier visit; otherwise learnt from 1101 when the item is sent. */
  psnNo?: string | undefined;
  insuplcAdmdvs?: string | undefined;
  /** yyyy-MM-dd HH:mm:ss (China time) of the visit: the visit is registered as of then. */
  begntime: string;
  /** 门诊号 (local, unique). */
  iptOtpNo: string;
  deptCode: string;
  deptName: string;
  caty: string;
  medType: string;
  diagCode: string;
  diagName: string;
  lines: QueuedFeeLine[];
  /** 1: the personal account may pay. */
  acctUsedFlag: '0' | '1';
  /** 收费批次号 */
  chrgBchno: string;
}

/** What the hub answered for an offline visit (kept sealed as the item's result). */
export interface OutpatientSettlementResult {
  mdtrtId: string;
  setlId: string;
  psnNo: string;
  medfeeSumamt: number;
  fundPaySumamt: number;
  acctPay: number;
  psnCashPay: number;
  /** 2207's msgid (= medins_setl_id at the hub). */
  settleMsgid: string;
}

/** A 2601 that could not be delivered (settlement's pending-reversal hook). */
export interface ReversalPayload {
  operator: QueueOperator;
  psnNo: string;
  insuplcAdmdvs: string;
  /** The original call to undo. */
  omsgid: string;
  oinfno: string;
}

/** One journaled call with its input known when the item is created (2208/2103/2305 refunds, 2301 inpatient fees). */
export interface SingleCallPayload {
  operator: QueueOperator;
  infno: '2208' | '2103' | '2305' | '2301';
  insuplcAdmdvs: string;
  /** The transaction's input, as the typed hub function takes it (integers). */
  input: unknown;
}
