// Every transaction the terminal uses: its schemas and how the client must treat it.
//
// kind:
//   query   no side effects at the hub: may be retried with backoff inside the deadline budget.
//   effect  changes state at the hub: journaled before it is sent, never retried blindly; an
//           unknown outcome is resolved by resend (same msgid), 2601 reversal or 5203 query.
//   session sign-in/out: not journaled, not retried (the operator signs in again).
// The list and its reasons are in docs/hub-client.md, "Which calls are journaled".
import type { z } from 'zod';
import { CATALOG_FILE_INFNOS, CATALOG_NAMES, CATALOG_PAGE_INFNOS, CatalogFileInputSchema, CatalogFileOutputSchema, CatalogPageInputSchema, CatalogPageOutputSchema, DictionaryInputSchema, DictionaryOutputSchema, FileDownloadInputSchema, FileUploadInputSchema, FileUploadOutputSchema, type CatalogFileInfno, type CatalogPageInfno } from './catalog';
import { ChronicFilingsOutputSchema, PersonFilingQueryInputSchema, ReferralFilingsOutputSchema } from './filing';
import { AdmitInputSchema, AdmitOutputSchema, CancelAdmissionInputSchema, CancelInpatientFeesInputSchema, CancelInpatientSettlementInputSchema, DischargeInputSchema, InpatientFeeResultsOutputSchema, InpatientSettleInputSchema, UploadInpatientFeesInputSchema } from './inpatient';
import { CancelOutpatientFeesInputSchema, CancelOutpatientSettlementInputSchema, CancelRegisterInputSchema, CancelSettlementOutputSchema, FeeResultsOutputSchema, PreSettleOutpatientInputSchema, PreSettlementOutputSchema, RegisterInputSchema, RegisterOutputSchema, SettleOutpatientInputSchema, SettlementOutputSchema, UploadOutpatientFeesInputSchema, VisitInfoInputSchema } from './outpatient';
import { PersonInfoInputSchema, PersonInfoOutputSchema } from './person';
import { CancelPharmacySettlementInputSchema, CancelPharmacySettlementOutputSchema, PharmacyPreSettlementOutputSchema, PharmacySettleInputSchema, PharmacySettlementOutputSchema } from './pharmacy';
import { ClearingApplyInputSchema, ClearingApplyOutputSchema, ClearingCancelInputSchema, ClearingCancelOutputSchema, ReconcileDetailsInputSchema, ReconcileDetailsOutputSchema, ReconcileTotalsInputSchema, ReconcileTotalsOutputSchema } from './reconcile';
import { NoOutputSchema, ReversalInputSchema } from './reversal';
import { SettlementQueryInputSchema, SettlementQueryOutputSchema } from './settlement-query';
import { SignInInputSchema, SignInOutputSchema, SignOutInputSchema, SignOutOutputSchema } from './sign';

export type TransactionKind = 'query' | 'effect' | 'session';

export interface TransactionSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  infno: string;
  /** Chinese name, used in messages to the cashier. */
  name: string;
  kind: TransactionKind;
  /** 2601 can undo it (omsgid = its msgid, oinfno = its infno). */
  reversible: boolean;
  /** 5203 can tell whether it went through (settlements whose input names the visit). */
  queryable: boolean;
  /** The answer is a file (application/octet-stream), not an envelope. */
  binaryOutput: boolean;
  input: I;
  output: O;
}

function tx<I extends z.ZodType, O extends z.ZodType>(
  infno: string,
  name: string,
  kind: TransactionKind,
  input: I,
  output: O,
  flags: { reversible?: boolean; queryable?: boolean; binaryOutput?: boolean } = {},
): TransactionSpec<I, O> {
  return { infno, name, kind, reversible: flags.reversible ?? false, queryable: flags.queryable ?? false, binaryOutput: flags.binaryOutput ?? false, input, output };
}

const catalogFiles = Object.fromEntries(
  CATALOG_FILE_INFNOS.map((infno) => [infno, tx(infno, `${CATALOG_NAMES[infno]}下载`, 'query', CatalogFileInputSchema, CatalogFileOutputSchema)]),
) as { [K in CatalogFileInfno]: TransactionSpec<typeof CatalogFileInputSchema, typeof CatalogFileOutputSchema> };

const catalogPages = Object.fromEntries(
  CATALOG_PAGE_INFNOS.map((infno) => [infno, tx(infno, CATALOG_NAMES[infno], 'query', CatalogPageInputSchema, CatalogPageOutputSchema)]),
) as { [K in CatalogPageInfno]: TransactionSpec<typeof CatalogPageInputSchema, typeof CatalogPageOutputSchema> };

export const transactions = {
  '9001': tx('9001', '签到', 'session', SignInInputSchema, SignInOutputSchema),
  '9002': tx('9002', '签退', 'session', SignOutInputSchema, SignOutOutputSchema),
  '1101': tx('1101', '人员信息获取', 'query', PersonInfoInputSchema, PersonInfoOutputSchema),

  '2201': tx('2201', '门诊挂号', 'effect', RegisterInputSchema, RegisterOutputSchema),
  '2202': tx('2202', '门诊挂号撤销', 'effect', CancelRegisterInputSchema, NoOutputSchema),
  '2203': tx('2203', '门诊就诊信息上传', 'effect', VisitInfoInputSchema, NoOutputSchema),
  '2204': tx('2204', '门诊费用明细上传', 'effect', UploadOutpatientFeesInputSchema, FeeResultsOutputSchema),
  '2205': tx('2205', '门诊费用明细撤销', 'effect', CancelOutpatientFeesInputSchema, NoOutputSchema),
  '2206': tx('2206', '门诊预结算', 'query', PreSettleOutpatientInputSchema, PreSettlementOutputSchema),
  '2207': tx('2207', '门诊结算', 'effect', SettleOutpatientInputSchema, SettlementOutputSchema, { reversible: true, queryable: true }),
  '2208': tx('2208', '门诊结算撤销', 'effect', CancelOutpatientSettlementInputSchema, CancelSettlementOutputSchema, { reversible: true }),

  '2101': tx('2101', '药店预结算', 'query', PharmacySettleInputSchema, PharmacyPreSettlementOutputSchema),
  '2102': tx('2102', '药店结算', 'effect', PharmacySettleInputSchema, PharmacySettlementOutputSchema, { reversible: true }),
  '2103': tx('2103', '药店结算撤销', 'effect', CancelPharmacySettlementInputSchema, CancelPharmacySettlementOutputSchema, { reversible: true }),

  '2401': tx('2401', '入院办理', 'effect', AdmitInputSchema, AdmitOutputSchema, { reversible: true }),
  '2402': tx('2402', '出院办理', 'effect', DischargeInputSchema, NoOutputSchema),
  '2404': tx('2404', '入院撤销', 'effect', CancelAdmissionInputSchema, NoOutputSchema),
  '2405': tx('2405', '出院撤销', 'effect', CancelAdmissionInputSchema, NoOutputSchema),
  '2301': tx('2301', '住院费用明细上传', 'effect', UploadInpatientFeesInputSchema, InpatientFeeResultsOutputSchema),
  '2302': tx('2302', '住院费用明细撤销', 'effect', CancelInpatientFeesInputSchema, NoOutputSchema),
  '2303': tx('2303', '住院预结算', 'query', InpatientSettleInputSchema, PreSettlementOutputSchema),
  '2304': tx('2304', '住院结算', 'effect', InpatientSettleInputSchema, SettlementOutputSchema, { reversible: true, queryable: true }),
  '2305': tx('2305', '住院结算撤销', 'effect', CancelInpatientSettlementInputSchema, CancelSettlementOutputSchema, { reversible: true }),

  '2601': tx('2601', '冲正', 'effect', ReversalInputSchema, NoOutputSchema),
  '5203': tx('5203', '结算信息查询', 'query', SettlementQueryInputSchema, SettlementQueryOutputSchema),
  '5301': tx('5301', '慢特病备案查询', 'query', PersonFilingQueryInputSchema, ChronicFilingsOutputSchema),
  '5304': tx('5304', '转院备案查询', 'query', PersonFilingQueryInputSchema, ReferralFilingsOutputSchema),

  ...catalogFiles,
  ...catalogPages,
  '9102': tx('9102', '文件下载', 'query', FileDownloadInputSchema, NoOutputSchema, { binaryOutput: true }),
  '9101': tx('9101', '文件上传', 'query', FileUploadInputSchema, FileUploadOutputSchema),
  '1901': tx('1901', '字典表查询', 'query', DictionaryInputSchema, DictionaryOutputSchema),

  '3201': tx('3201', '对总账', 'query', ReconcileTotalsInputSchema, ReconcileTotalsOutputSchema),
  '3202': tx('3202', '对明细账', 'query', ReconcileDetailsInputSchema, ReconcileDetailsOutputSchema),
  '3203': tx('3203', '清算申请', 'effect', ClearingApplyInputSchema, ClearingApplyOutputSchema),
  '3204': tx('3204', '清算撤销', 'effect', ClearingCancelInputSchema, ClearingCancelOutputSchema),
};

export type Transactions = typeof transactions;
export type Infno = keyof Transactions;
/** The input a caller passes (integers for amounts). */
export type TxInput<K extends Infno> = z.output<Transactions[K]['input']>;
/** The output a caller receives (integers for amounts). */
export type TxOutput<K extends Infno> = z.output<Transactions[K]['output']>;

export function isInfno(value: string): value is Infno {
  return Object.prototype.hasOwnProperty.call(transactions, value);
}

export function transactionSpec(infno: string): TransactionSpec | undefined {
  return isInfno(infno) ? (transactions[infno] as TransactionSpec) : undefined;
}

/** Infnos with side effects (journaled before sending). */
export const EFFECT_INFNOS = (Object.keys(transactions) as Infno[]).filter((k) => transactions[k].kind === 'effect');

export * from './catalog';
export * from './filing';
export * from './inpatient';
export * from './outpatient';
export * from './person';
export * from './pharmacy';
export * from './reconcile';
export * from './reversal';
export * from './settlement-query';
export * from './sign';
