// Offered where a refund (结算记录) or an inpatient fee upload (住院) could not reach the hub at all
// (nothing was sent): put it into the offline queue, to be sent by itself when the hub is back.
// Never offered after an unknown outcome (HUB_TIMEOUT, connection lost …): that call may have been
// booked, and the journal's resolution owns it — the host refuses such a request too.
import { useState } from 'react';
import { errorText } from '../../bridge/api';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { useT } from '../../i18n';

/** Errors after which nothing reached the hub (and, for fee uploads, earlier uploads still waiting). */
const QUEUEABLE = new Set(['HUB_NETWORK', 'HUB_BUDGET_EXHAUSTED', 'SETTLEMENT_FEES_QUEUED']);

export function isQueueable(error: unknown): boolean {
  const code = error === undefined ? undefined : errorText(error).code;
  return code !== undefined && QUEUEABLE.has(code);
}

export interface QueuedNotice {
  queueNo: string;
  message: string;
  hint: string;
}

/** The queued message: what was queued, its number, and what happens next. */
export function QueuedBanner({ queued }: { queued: QueuedNotice }) {
  const t = useT();
  return (
    <Notice level="success">
      <div className="banner-message" data-testid="queued-done">
        {queued.message}
      </div>
      <div className="banner-hint">
        {queued.hint} {t('offline.queueOffer.number', { no: queued.queueNo })}
      </div>
    </Notice>
  );
}

export function QueueOffer({ what, onQueue, onDone }: { what: 'refund' | 'fees'; onQueue: () => Promise<{ queued: QueuedNotice }>; onDone: (queued: QueuedNotice) => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  async function queue(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      onDone((await onQueue()).queued);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="banner banner-warning" data-testid="queue-offer">
      {t(`offline.queueOffer.${what}`)}{' '}
      <button type="button" onClick={() => void queue()} disabled={busy} data-testid="queue-offer-go">
        {t(`offline.queueOffer.${what}Go`)}
      </button>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
    </div>
  );
}
