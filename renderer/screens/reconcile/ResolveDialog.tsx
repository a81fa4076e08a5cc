// Resolving one mismatch: an orphan (only at the hub) is reversed with 2601; any mismatch may be
// acknowledged with a note saying what was done outside the terminal. The host records and audits it.
import { useState } from 'react';
import type { MismatchView } from '@src/contract/methods/reconcile';
import { api } from '../../bridge/api';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useHotkeys } from '../../components/useHotkeys';
import { useT } from '../../i18n';

export function ResolveDialog({ mismatch, onDone, onCancel }: { mismatch: MismatchView; onDone: (m: MismatchView) => void; onCancel: () => void }) {
  const t = useT();
  const [note, setNote] = useState('');
  const [area, setArea] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const reversible = mismatch.kind === 'hub_only';

  async function resolve(action: 'reverse' | 'acknowledge'): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await api.reconcile.resolve({ mismatchId: mismatch.id, action, note, ...(area.trim() ? { insuplcAdmdvs: area.trim() } : {}) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  useHotkeys({ Escape: onCancel });

  return (
    <div className="dialog resolve-dialog" role="dialog" aria-label={t('reconcile.resolve')} data-testid="resolve-dialog">
      <h2>
        {t('reconcile.resolve')} · {t(`reconcile.kind.${mismatch.kind}`)} · {mismatch.setlId}
      </h2>
      <ErrorBanner error={error} />
      {mismatch.otherTerminalSlot !== undefined && <Notice level="warning">{t('reconcile.otherTerminal', { slot: mismatch.otherTerminalSlot })}</Notice>}
      <Field label={t('reconcile.note')} hint={t('reconcile.noteHint')}>
        {(id) => <textarea id={id} value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} rows={2} autoFocus data-testid="resolve-note" />}
      </Field>
      {reversible && (
        <Field label={t('reconcile.insuplc')}>
          {(id) => <input id={id} value={area} onChange={(e) => setArea(e.target.value)} maxLength={6} inputMode="numeric" />}
        </Field>
      )}
      <div className="actions">
        {reversible && (
          <button type="button" className="primary" disabled={busy} onClick={() => void resolve('reverse')} data-testid="resolve-reverse">
            {t('reconcile.reverse')}
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void resolve('acknowledge')} data-testid="resolve-acknowledge">
          {t('reconcile.acknowledge')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('reconcile.cancel')} <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
