// 延时结算 at the counter while the hub is unreachable: the patient's document, the fee lines from
// the cached catalogue, an ESTIMATE of the split, what the hospital collects now, and — within the
// limits — a provisional receipt with a queue number; past them only self-pay, with the reason and
// the documents the patient needs to claim at home.
import { useState } from 'react';
import { formatMoney, parseScaled, SCALE } from '@src/common/money';
import { api } from '../../bridge/api';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useHotkeys } from '../../components/useHotkeys';
import { useT, type MessageKey } from '../../i18n';
import { useOfflineHandover } from './offline-handover';
import { ReceiptView, type ReceiptText } from './ReceiptView';
import { useOfflineMedia } from './useOfflineMedia';

type Quote = Awaited<ReturnType<typeof api.offline.quote>>;
interface LineText {
  code: string;
  price: string;
  quantity: string;
}

export function OfflineScreen() {
  const t = useT();
  const [certType, setCertType] = useState<'02' | '03'>('02');
  const [certNo, setCertNo] = useState('');
  /** 社保卡's 卡识别码, when the card was read (not typed). */
  const [cardSn, setCardSn] = useState<string>();
  const [cardRead, setCardRead] = useState<string>();
  const [name, setName] = useState('');
  const [insutype, setInsutype] = useState<'310' | '390'>('310');
  const [insuredArea, setInsuredArea] = useState('');
  // Lines handed over from the outpatient screen when the hub turned out to be unreachable.
  const [lines, setLines] = useState<LineText[]>(() => useOfflineHandover.getState().take() ?? [{ code: '', price: '', quantity: '1' }]);
  const [quote, setQuote] = useState<Quote>();
  const [receipt, setReceipt] = useState<ReceiptText>();
  const [documents, setDocuments] = useState<string[]>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<unknown>();
  useOfflineMedia((p, summary) => {
    setCertType(p.certType);
    setCertNo(p.certNo);
    setCardSn(p.cardSn);
    setName(p.name);
    if (p.insuredArea) setInsuredArea(p.insuredArea);
    setCardRead(summary);
    setError(undefined);
  });

  function parsedLines() {
    return lines
      .filter((l) => l.code.trim() !== '')
      .map((l) => ({ code: l.code.trim(), price: parseScaled(l.price.trim(), SCALE.price), quantity: parseScaled(l.quantity.trim(), SCALE.quantity) }));
  }
  const visitLines = () => ({ insutype, ...(insuredArea ? { insuredArea } : {}), lines: parsedLines() });

  async function run(fn: () => Promise<void>): Promise<void> {
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(e);
    }
  }
  const estimate = () => run(async () => setQuote(await api.offline.quote(visitLines())));
  const settle = () =>
    run(async () => {
      const r = await api.offline.settle({ ...visitLines(), cert: { type: certType, no: certNo.trim(), ...(cardSn ? { cardSn } : {}) }, ...(name ? { name } : {}) });
      setQuote(r.quote);
      setReceipt(r.receipt);
      setDocuments(undefined);
      setDone(t('offline.done', { amount: formatMoney(r.settlement.collectedFen) }));
    });
  const selfPay = () =>
    run(async () => {
      const r = await api.offline.selfPay({ lines: parsedLines(), reason: quote?.reason ?? t('offline.selfPayReason') });
      setReceipt(r.receipt);
      setDocuments(r.documents);
      setDone(undefined);
    });
  useHotkeys({ F6: () => void estimate(), F8: () => void settle(), F10: () => void selfPay() });

  const setLine = (i: number, patch: Partial<LineText>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <section className="screen offline-screen">
      <h1>{t('offline.title')}</h1>
      <Notice level="warning">{t('offline.intro')}</Notice>
      <ErrorBanner error={error} />
      <p className="muted" data-testid="offline-card-read">
        {cardRead ? t('offline.cardRead', { source: t(`offline.cert.${certType}`), masked: cardRead }) : t('offline.readCard')}
      </p>
      <div className="form-grid">
        <Field label={t('offline.certType')}>
          {(id) => (
            <select
              id={id}
              value={certType}
              onChange={(e) => {
                setCertType(e.target.value as '02' | '03');
                setCardSn(undefined);
              }}
            >
              <option value="02">{t('offline.cert.02')}</option>
              <option value="03">{t('offline.cert.03')}</option>
            </select>
          )}
        </Field>
        <Field label={t('offline.certNo')}>
          {(id) => (
            <input
              id={id}
              data-testid="offline-cert"
              value={certNo}
              onChange={(e) => {
                setCertNo(e.target.value);
                // A typed number is not the card that was read: its 卡识别码 no longer applies.
                setCardSn(undefined);
                setCardRead(undefined);
              }}
              autoFocus
            />
          )}
        </Field>
        <Field label={t('offline.name')}>{(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <Field label={t('offline.insutype')}>
          {(id) => (
            <select id={id} data-testid="offline-insutype" value={insutype} onChange={(e) => setInsutype(e.target.value as '310' | '390')}>
              <option value="310">{t('offline.insutype.310')}</option>
              <option value="390">{t('offline.insutype.390')}</option>
            </select>
          )}
        </Field>
        <Field label={t('offline.insuredArea')}>{(id) => <input id={id} data-testid="offline-area" value={insuredArea} onChange={(e) => setInsuredArea(e.target.value.trim())} inputMode="numeric" />}</Field>
      </div>
      <h2>{t('offline.lines')}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('offline.code')}</th>
            <th>{t('offline.price')}</th>
            <th>{t('offline.quantity')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i}>
              <td>
                <input aria-label={t('offline.code')} data-testid={`offline-code-${i}`} value={l.code} onChange={(e) => setLine(i, { code: e.target.value })} />
              </td>
              <td>
                <input aria-label={t('offline.price')} data-testid={`offline-price-${i}`} value={l.price} onChange={(e) => setLine(i, { price: e.target.value })} inputMode="decimal" />
              </td>
              <td>
                <input aria-label={t('offline.quantity')} data-testid={`offline-qty-${i}`} value={l.quantity} onChange={(e) => setLine(i, { quantity: e.target.value })} inputMode="decimal" />
              </td>
              <td>
                <button type="button" onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))} disabled={lines.length === 1}>
                  {t('offline.removeLine')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => setLines((ls) => [...ls, { code: '', price: '', quantity: '1' }])}>
          {t('offline.addLine')}
        </button>
        <button type="button" data-testid="offline-quote" onClick={() => void estimate()}>
          {t('offline.quote')}
        </button>
        <button type="button" data-testid="offline-settle" onClick={() => void settle()} disabled={quote !== undefined && !quote.allowed}>
          {t('offline.settle')}
        </button>
        <button type="button" data-testid="offline-selfpay" onClick={() => void selfPay()}>
          {t('offline.selfPay')}
        </button>
      </div>
      {quote && (
        <div className="breakdown" data-testid="offline-estimate">
          <h2>{t('offline.estimate')}</h2>
          <p>
            {t('offline.medfee')}：<span className="money">{formatMoney(quote.estimate.medfeeFen)}</span> · {t('offline.fund')}：<span className="money">{formatMoney(quote.estimate.fundFen)}</span> · {t('offline.psn')}：
            <span className="money">{formatMoney(quote.estimate.psnFen)}</span>
          </p>
          <p>
            {quote.estimate.params
              ? t('offline.params', { name: quote.estimate.params.name, ratio: quote.estimate.params.ratio / 100, deductible: formatMoney(quote.estimate.params.deductibleFen) })
              : t('offline.noParams')}
          </p>
          <p>
            {t('offline.collectNow')}（{t(`offline.collect.${quote.collect}` as MessageKey)}）：<span className="money-big">{formatMoney(quote.collectNowFen)}</span>
          </p>
          {!quote.allowed && (
            <Notice level="warning">
              {t('offline.onlySelfPay')}：<span data-testid="offline-reason">{quote.reason}</span>
            </Notice>
          )}
        </div>
      )}
      {done && <Notice level="success">{done}</Notice>}
      {documents && (
        <div data-testid="offline-documents">
          <h2>{t('offline.documents')}</h2>
          <ol>
            {documents.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ol>
        </div>
      )}
      {receipt && <ReceiptView receipt={receipt} />}
    </section>
  );
}
