// Silent receipt printing for the desktop shell (docs/settlement.md, "Receipts"): the host's
// ReceiptPrinter port, implemented with a hidden window that prints the receipt's text rows to the
// configured printer without a dialog. Thermal rolls get their fixed-width rows; A5 a simple page.
import { BrowserWindow } from 'electron';
import { formatYuan } from '@src/common/money';
import type { Receipt } from '@src/contract/methods/settlement';
import type { ReceiptPrinter } from '@src/host/host';

const escape = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function receiptHtml(r: Receipt): string {
  const rows = r.text.length > 0 ? r.text : [r.institutionName, r.title, `${r.patientName} ${r.idMasked}`, `医疗费总额 ${formatYuan(r.figures.medfee_sumamt)}`, `基金支付 ${formatYuan(r.figures.fund_pay_sumamt)}`, `个人账户 ${formatYuan(r.figures.acct_pay)}`, `个人现金 ${formatYuan(r.figures.psn_cash_pay)}`, `结算ID ${r.setlId}`, `报文号 ${r.msgid}`];
  const width = r.paper === '58mm' ? '58mm' : r.paper === '80mm' ? '80mm' : '148mm';
  return `<!doctype html><meta charset="utf-8"><style>@page{size:${width} auto;margin:2mm}body{font:12px "WenQuanYi Micro Hei Mono","Microsoft YaHei",monospace;white-space:pre;margin:0}</style><body>${rows.map(escape).join('\n')}</body>`;
}

export function electronReceiptPrinter(): ReceiptPrinter {
  return {
    async print(receipt, { printer, copies }) {
      const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, javascript: false } });
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(receiptHtml(receipt))}`);
        await new Promise<void>((resolve, reject) => {
          win.webContents.print({ silent: true, deviceName: printer, copies, printBackground: false }, (ok, reason) => (ok ? resolve() : reject(new Error(`打印失败：${reason}`))));
        });
      } finally {
        win.destroy();
      }
    },
  };
}
