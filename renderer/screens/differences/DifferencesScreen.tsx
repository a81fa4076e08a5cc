// The 差额 list: after a 延时结算 is forwarded, what was collected and the patient's real cash
// share differ; the cashier refunds or collects each difference and prints a receipt for it.
import { useCallback, useEffect, useState } from 'react';
import { formatMoney } from '@src/common/money';
import type { EventPayload } from '@src/contract/events';
import { api, subscribe } from '../../bridge/api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n';
import { ReceiptView, type ReceiptText } from '../offline/ReceiptView';

type Difference = Awaited<ReturnType<typeof api.offline.differences>>[number];

export function DifferencesScreen() {
  const t = useT();
  const [rows, setRows] = useState<Difference[]>([]);
  const [showClosed, setShowClosed] = useState(false);
  const [receipt, setReceipt] = useState<ReceiptText>();
  const [error, setError] = useState<unknown>();

  const load = useCallback(() => {
    api.offline.differences(showClosed ? {} : { state: 'open' }).then(setRows).catch(setError);
  }, [showClosed]);
  useEffect(() => load(), [load]);
  // New differences appear when a flush forwards offline settlements.
  useEffect(() => subscribe('queue.progress', (p: EventPayload<'queue.progress'>) => void (!p.flushing && load())), [load]);

  async function close(id: number): Promise<void> {
    try {
      const r = await api.offline.closeDifference({ id });
      setReceipt(r.receipt);
      load();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="screen differences-screen">
      <h1>{t('diff.title')}</h1>
      <ErrorBanner error={error} />
      <div className="actions">
        <button type="button" onClick={() => load()}>
          {t('common.refresh')}
        </button>
        <label>
          <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} /> {t('diff.showClosed')}
        </label>
      </div>
      {rows.length === 0 ? (
        <p>{t('diff.none')}</p>
      ) : (
        <table className="data-table" data-testid="differences">
          <thead>
            <tr>
              <th>{t('diff.col.queueNo')}</th>
              <th>{t('diff.col.patient')}</th>
              <th>{t('diff.col.collected')}</th>
              <th>{t('diff.col.estimate')}</th>
              <th>{t('diff.col.actual')}</th>
              <th>{t('diff.col.kind')}</th>
              <th>{t('diff.col.amount')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} data-kind={d.kind}>
                <td>{d.queueNo}</td>
                <td>{d.idMasked}</td>
                <td className="money">{formatMoney(d.collectedFen)}</td>
                <td className="money">{formatMoney(d.estimatePsnFen)}</td>
                <td className="money">{formatMoney(d.actualCashFen)}</td>
                <td>{t(d.kind === 'refund' ? 'diff.kind.refund' : 'diff.kind.collect')}</td>
                <td className="money">{formatMoney(d.amountFen)}</td>
                <td>
                  {d.state === 'open' ? (
                    <button type="button" onClick={() => void close(d.id)}>
                      {t('diff.close')}
                    </button>
                  ) : (
                    t('diff.closed', { receiptNo: d.receiptNo ?? '' })
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {receipt && <ReceiptView receipt={receipt} />}
    </section>
  );
}
