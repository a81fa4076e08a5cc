// The settlement receipt as it will be printed: 58 mm and 80 mm thermal rolls (the host's fixed-
// width text rows) or A5 (laid out here from the receipt model). Printing goes to the host's
// printer in Electron (settlements.print); where the host cannot print (browser shell) the page
// prints this view with window.print(), the @page size following the chosen paper. PDF from the host.
import { useCallback, useEffect, useState } from 'react';
import type { Paper, Receipt } from '@src/contract/methods/settlement';
import { api } from '../../bridge/api';
import { ErrorBanner, Notice } from '../ErrorBanner';
import { Field } from '../Field';
import { useHotkeys } from '../useHotkeys';
import { useT } from '../../i18n';
import { money, quantityText } from './format';

const PAPERS: readonly Paper[] = ['80mm', '58mm', 'A5'];
const PAGE_CSS: Record<Paper, string> = {
  '58mm': '@page { size: 58mm auto; margin: 2mm; }',
  '80mm': '@page { size: 80mm auto; margin: 3mm; }',
  A5: '@page { size: A5 portrait; margin: 10mm; }',
};

function downloadBase64(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReceiptView({ settlementId, refund = false, hotkeys = true }: { settlementId: number; refund?: boolean; hotkeys?: boolean }) {
  const t = useT();
  const [paper, setPaper] = useState<Paper | undefined>();
  const [receipt, setReceipt] = useState<Receipt>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    let live = true;
    api.settlements
      .receipt({ id: settlementId, refund, ...(paper ? { paper } : {}) })
      .then((r) => {
        if (!live) return;
        setReceipt(r);
        setError(undefined);
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [settlementId, refund, paper]);

  const print = useCallback(async () => {
    setError(undefined);
    setNotice(undefined);
    try {
      const r = await api.settlements.print({ id: settlementId, refund, ...(paper ? { paper } : {}) });
      if (r.printed) setNotice(r.message);
      else window.print();
    } catch (e) {
      setError(e);
    }
  }, [settlementId, refund, paper]);

  async function pdf(): Promise<void> {
    setError(undefined);
    try {
      const r = await api.settlements.receiptPdf({ id: settlementId, refund, ...(paper ? { paper } : {}) });
      downloadBase64(r.fileName, r.base64);
      setNotice(t('settlement.receipt.pdfDone', { file: r.fileName }));
    } catch (e) {
      setError(e);
    }
  }

  useHotkeys({ F10: () => void print() }, hotkeys);

  return (
    <section className="receipt-area" data-testid="receipt-area">
      <div className="actions no-print">
        <Field label={t('settlement.receipt.paper')}>
          {(id) => (
            <select id={id} value={receipt?.paper ?? paper ?? '80mm'} onChange={(e) => setPaper(e.target.value as Paper)}>
              {PAPERS.map((p) => (
                <option key={p} value={p}>
                  {t(`settlement.receipt.paper.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="button" className="primary" onClick={() => void print()} data-testid="receipt-print">
          {t('settlement.receipt.print')} <kbd>F10</kbd>
        </button>
        <button type="button" onClick={() => void pdf()} data-testid="receipt-pdf">
          {t('settlement.receipt.pdf')}
        </button>
      </div>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      {notice && <Notice level="success">{notice}</Notice>}
      {receipt && (
        <>
          <style>{PAGE_CSS[receipt.paper]}</style>
          <ReceiptPaper receipt={receipt} />
        </>
      )}
    </section>
  );
}

function ReceiptPaper({ receipt: r }: { receipt: Receipt }) {
  const t = useT();
  const f = r.figures;
  const common = {
    className: `receipt-print receipt-${r.paper}`,
    'data-testid': 'receipt',
    'data-paper': r.paper,
    'data-medfee': f.medfee_sumamt,
    'data-fund': f.fund_pay_sumamt,
    'data-acct': f.acct_pay,
    'data-cash': f.psn_cash_pay,
    'data-setl-id': r.setlId,
  };
  if (r.paper !== 'A5') {
    return (
      <div {...common}>
        <pre className="receipt-text">{r.text.join('\n')}</pre>
      </div>
    );
  }
  return (
    <div {...common}>
      <h2 className="receipt-title">
        {r.title}
        {r.refund && `（${t('settlement.receipt.refund')}）`}
        {r.reprint && `（${t('settlement.receipt.reprint')}）`}
      </h2>
      <div className="receipt-inst">
        {r.institutionName}（{r.institutionCode}）
      </div>
      <dl className="receipt-facts">
        <dt>{t('settlement.receipt.patient')}</dt>
        <dd>
          {r.patientName} {r.idMasked}
        </dd>
        <dt>{t('settlement.patient.insutype')}</dt>
        <dd>
          {r.insutypeName} · {r.insuredAreaName}（{r.insuredArea}）
        </dd>
        <dt>{t('settlement.receipt.medType')}</dt>
        <dd>
          {r.kindLabel} · {r.medTypeName}
        </dd>
        <dt>{t('settlement.receipt.setlId')}</dt>
        <dd className="mono">{r.setlId}</dd>
        <dt>{t('settlement.receipt.mdtrtId')}</dt>
        <dd className="mono">{r.mdtrtId}</dd>
        <dt>{t('settlement.receipt.time')}</dt>
        <dd>{new Date(r.settledAt).toLocaleString('zh-CN', { hour12: false })}</dd>
      </dl>
      <table className="receipt-table">
        <thead>
          <tr>
            <th>{t('settlement.lines.item')}</th>
            <th>{t('settlement.lines.class')}</th>
            <th className="num">{t('settlement.lines.quantity')}</th>
            <th className="num">{t('settlement.lines.amount')}</th>
            <th className="num">{t('settlement.lines.selfpay')}</th>
          </tr>
        </thead>
        <tbody>
          {r.lines.map((l, i) => (
            <tr key={`${l.code}-${i}`}>
              <td>{l.name}</td>
              <td>{l.chargeClassLabel || '—'}</td>
              <td className="num">{quantityText(l.quantity)}</td>
              <td className="num">{money(l.amountFen)}</td>
              <td className="num">{money(l.selfPayFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="receipt-table receipt-sums">
        <tbody>
          {r.classSummary.map((c) => (
            <tr key={c.label}>
              <th>{t('settlement.receipt.classLine', { label: c.label })}</th>
              <td className="num">{money(c.amountFen)}</td>
              <td className="num">{t('settlement.receipt.selfpayOf', { amount: money(c.selfPayFen) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="receipt-table receipt-sums">
        <tbody>
          <tr>
            <th>{t('settlement.fig.medfee')}</th>
            <td className="num" data-testid="receipt-medfee">
              {money(f.medfee_sumamt)}
            </td>
          </tr>
          {r.funds.map((fund) => (
            <tr key={`${fund.fundPayType}-${fund.name}`}>
              <th>{fund.name}</th>
              <td className="num">{money(fund.amountFen)}</td>
            </tr>
          ))}
          <tr>
            <th>{t('settlement.fig.fund')}</th>
            <td className="num" data-testid="receipt-fund">
              {money(f.fund_pay_sumamt)}
            </td>
          </tr>
          <tr>
            <th>{t('settlement.fig.acct')}</th>
            <td className="num" data-testid="receipt-acct">
              {money(f.acct_pay)}
            </td>
          </tr>
          <tr>
            <th>{t('settlement.fig.cash')}</th>
            <td className="num receipt-cash" data-testid="receipt-cash">
              {money(f.psn_cash_pay)}
            </td>
          </tr>
          {f.balc !== null && (
            <tr>
              <th>{t('settlement.fig.balance')}</th>
              <td className="num">{money(f.balc)}</td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="receipt-foot">
        {t('settlement.receipt.operator')}：{r.operator} · {t('settlement.receipt.printedAt')}：{new Date(r.printedAt).toLocaleString('zh-CN', { hour12: false })}
      </div>
    </div>
  );
}
