// A plain-text receipt (provisional receipt, difference receipt, self-pay slip). Printed like the
// settlement screens' receipts: on the host's receipt printer where it has one (offline.print,
// silent printing in Electron); where it has none (browser shell) this view with window.print().
import { useState } from 'react';
import { api } from '../../bridge/api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n';

export interface ReceiptText {
  title: string;
  lines: string[];
}

export function ReceiptView({ receipt }: { receipt: ReceiptText }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();

  async function print(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.offline.print({ receipt });
      if (r.printed) setMessage(`${r.message}（${r.printer ?? ''}）`);
      else window.print();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="receipt" data-testid="offline-receipt">
      <h2>{receipt.title}</h2>
      <pre>{receipt.lines.join('\n')}</pre>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      {message && (
        <p className="muted no-print" data-testid="offline-printed">
          {message}
        </p>
      )}
      <button type="button" className="no-print" onClick={() => void print()} disabled={busy} data-testid="offline-print">
        {t('offline.print')}
      </button>
    </div>
  );
}
