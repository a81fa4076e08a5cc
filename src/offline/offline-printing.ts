// Provisional receipts, 差额 receipts and self-pay slips on the host's receipt printer (the same
// ReceiptPrinter port as settlement receipts: silent printing in Electron). These are text
// documents, not settlements: they go to the port as a receipt whose text rows are the document
// (the port prints a receipt's text rows as they are) with zero figures and no settlement ids.
// Where the host has no printer (browser shell) the answer is printed=false and the screen prints
// its own view with window.print().
import type { TerminalConfig } from '@src/contract/config';
import type { Receipt } from '@src/contract/methods/settlement';
import type { ReceiptPrinter } from '@src/settlement/receipts/receipt-printer';

export interface TextDocument {
  title: string;
  lines: string[];
}

/** The offline screens' printing: the host's receipt printer where there is one (Electron). */
export type OfflinePrint = (doc: TextDocument, o: { operator: string; copies?: number | undefined }) => Promise<{ printed: boolean; printer?: string; message: string }>;

const COLUMNS = { '58mm': 32, '80mm': 48, A5: 0 } as const;

const ZERO_FIGURES: Receipt['figures'] = {
  medfee_sumamt: 0,
  fulamt_ownpay_amt: 0,
  overlmt_selfpay: 0,
  preselfpay_amt: 0,
  inscp_scp_amt: 0,
  act_pay_dedc: 0,
  hifp_pay: 0,
  pool_prop_selfpay: 0,
  cvlserv_pay: 0,
  hifes_pay: 0,
  hifmi_pay: 0,
  hifob_pay: 0,
  maf_pay: 0,
  oth_pay: 0,
  hifdm_pay: 0,
  fund_pay_sumamt: 0,
  psn_part_amt: 0,
  acct_pay: 0,
  psn_cash_pay: 0,
  hosp_part_amt: 0,
  acct_mulaid_pay: 0,
} as Receipt['figures'];

/** The document as the printer port takes it: its rows are the text, nothing else is printed. */
export function textReceipt(doc: TextDocument, config: TerminalConfig, operator: string, at: Date = new Date()): Receipt {
  const paper = config.printing.paper;
  return {
    paper,
    columns: COLUMNS[paper],
    title: doc.title,
    institutionName: config.institution.name,
    institutionCode: config.institution.code,
    kind: 'outpatient',
    kindLabel: doc.title,
    refund: false,
    reprint: false,
    patientName: '',
    idMasked: '',
    insutypeName: '',
    insuredArea: '',
    insuredAreaName: '',
    medType: '',
    medTypeName: '',
    setlId: '',
    msgid: '',
    mdtrtId: '',
    operator,
    settledAt: at.toISOString(),
    printedAt: at.toISOString(),
    figures: ZERO_FIGURES,
    funds: [],
    lines: [],
    classSummary: [],
    text: [config.institution.name, doc.title, ...doc.lines],
  };
}

export async function printTextDocument(
  printer: ReceiptPrinter | undefined,
  config: TerminalConfig,
  doc: TextDocument,
  o: { operator: string; copies?: number | undefined },
): Promise<{ printed: boolean; printer?: string; message: string }> {
  if (!printer) return { printed: false, message: '请使用浏览器打印' };
  const p = config.printing;
  await printer.print(textReceipt(doc, config, o.operator), { printer: p.printer, copies: o.copies ?? p.copies });
  return { printed: true, printer: p.printer || '默认打印机', message: '已发送到打印机' };
}
