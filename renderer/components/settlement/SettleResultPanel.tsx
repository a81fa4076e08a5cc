// What a settle call ended with, in plain words: settled (breakdown, receipt, refund), or — when
// the answer was lost — what the terminal did about it (reversed, confirmed not applied, reversal
// queued) and what the cashier should do now. Refunds (with a reason) are offered from here too,
// and — as on the history screen — a refund that could not reach the hub may be queued offline.
import { useState } from 'react';
import type { SettleResult, SettlementRecord } from '@src/contract/methods/settlement';
import { api } from '../../bridge/api';
import { isQueueable, QueuedBanner, QueueOffer, type QueuedNotice } from '../../screens/offline/QueueOffer';
import { ErrorBanner, Notice } from '../ErrorBanner';
import { useT } from '../../i18n';
import { Breakdown } from './Breakdown';
import { ReasonDialog } from './ReasonDialog';
import { ReceiptView } from './ReceiptView';

const LEVEL = { settled: 'success', reversed: 'warning', notApplied: 'warning', pendingReversal: 'error' } as const;

export function OutcomeBanner({ result }: { result: Pick<SettleResult, 'outcome' | 'message' | 'hint' | 'resolution'> }) {
  const t = useT();
  return (
    <div className={`banner banner-${LEVEL[result.outcome]}`} role="status" data-testid="settle-outcome" data-outcome={result.outcome}>
      <div className="banner-message">{result.message}</div>
      {result.hint && <div className="banner-hint">{result.hint}</div>}
      {result.resolution.length > 0 && (
        <div className="banner-hint">
          {t('settlement.result.steps')}
          <ol data-testid="settle-resolution">
            {result.resolution.map((s, i) => (
              <li key={`${i}-${s}`}>{s}</li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

export function refundPresets(t: ReturnType<typeof useT>): string[] {
  return [t('settlement.reason.patientAsked'), t('settlement.reason.wrongEntry'), t('settlement.reason.duplicate')];
}

export function SettleResultPanel({ result, onNext }: { result: SettleResult; onNext: () => void }) {
  const t = useT();
  const [record, setRecord] = useState<SettlementRecord>(result.settlement);
  const [refunding, setRefunding] = useState(false);
  const [refundMessage, setRefundMessage] = useState<{ message: string; hint?: string }>();
  // Offline queue: a refund that could not reach the hub at all (nothing sent) may be queued.
  const [queueOffer, setQueueOffer] = useState<{ reason: string; error: unknown }>();
  const [queued, setQueued] = useState<QueuedNotice>();
  const settled = result.outcome === 'settled';

  async function refund(reason: string): Promise<void> {
    setQueueOffer(undefined);
    let r: Awaited<ReturnType<typeof api.settlements.refund>>;
    try {
      r = await api.settlements.refund({ id: record.id, reason, operationId: crypto.randomUUID() });
    } catch (e) {
      // Nothing was sent (hub unreachable): offer the offline queue instead of a dead end.
      if (isQueueable(e)) return setQueueOffer({ reason, error: e });
      throw e;
    }
    setRecord(r.record);
    setRefundMessage({ message: r.message, ...(r.hint ? { hint: r.hint } : {}) });
  }

  return (
    <section className="settle-result" data-testid="settle-result">
      <OutcomeBanner result={result} />
      {queueOffer && (
        <>
          <ErrorBanner error={queueOffer.error} onClose={() => setQueueOffer(undefined)} />
          <QueueOffer
            what="refund"
            onQueue={async () => {
              const r = await api.settlements.queueRefund({ id: record.id, reason: queueOffer.reason });
              setRecord(r.record);
              return r;
            }}
            onDone={(q) => {
              setQueueOffer(undefined);
              setQueued(q);
            }}
          />
        </>
      )}
      {queued && <QueuedBanner queued={queued} />}
      {settled && record.figures && <Breakdown figures={record.figures} funds={record.funds} testId="settled-breakdown" />}
      {settled && !refundMessage && <ReceiptView settlementId={record.id} />}
      {refundMessage && (
        <>
          <Notice level="success">
            <div className="banner-message" data-testid="refund-done">
              {refundMessage.message}
            </div>
            {refundMessage.hint && <div className="banner-hint">{refundMessage.hint}</div>}
          </Notice>
          <ReceiptView settlementId={record.id} refund />
        </>
      )}
      <div className="actions no-print">
        <button type="button" className="primary" onClick={onNext} data-testid="settle-next">
          {t('settlement.result.next')} <kbd>F6</kbd>
        </button>
        {/* Not again once queued: the queued refund is the one that will be sent. */}
        {settled && record.state === 'settled' && !queued && (
          <button type="button" className="danger" onClick={() => setRefunding(true)} data-testid="settle-refund">
            {t('settlement.result.refund')}
          </button>
        )}
      </div>
      {refunding && <ReasonDialog title={t('settlement.refund.title')} presets={refundPresets(t)} confirmLabel={t('settlement.refund.confirm')} onConfirm={refund} onClose={() => setRefunding(false)} />}
    </section>
  );
}
