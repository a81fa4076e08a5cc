// After a restart the host resolves the settlements the previous run left unresolved before it
// accepts new work. This notice tells the cashier that it is running, and afterwards exactly what
// happened to each one (settled, reversed, queued), until the cashier acknowledges it.
import { useCallback, useEffect, useState } from 'react';
import { api, subscribe } from '../../bridge/api';
import { useT } from '../../i18n';

type Recovery = Awaited<ReturnType<typeof api.settlements.recovery>>;

export function RecoveryNotice() {
  const t = useT();
  const [state, setState] = useState<Recovery>();

  const reload = useCallback(() => {
    api.settlements
      .recovery({})
      .then(setState)
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    reload();
    return subscribe('settlement.recovery', reload);
  }, [reload]);

  if (!state) return null;
  const open = state.outcomes.filter((o) => !o.acknowledged);
  if (!state.running && open.length === 0 && state.pendingReversals === 0) return null;

  async function acknowledge(): Promise<void> {
    await api.settlements.acknowledgeRecovery({ ids: open.map((o) => o.id) }).catch(() => undefined);
    reload();
  }

  return (
    <div className={`banner ${state.running ? 'banner-info' : 'banner-warning'}`} role="status" data-testid="recovery-notice">
      {state.running && <div className="banner-message">{t('settlement.recovery.running')}</div>}
      {open.length > 0 && (
        <>
          <div className="banner-message">{t('settlement.recovery.title', { n: open.length })}</div>
          <ul>
            {open.map((o) => (
              <li key={o.id}>
                {o.message}
                {o.hint && <div className="banner-hint">{o.hint}</div>}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void acknowledge()} data-testid="recovery-ack">
            {t('settlement.recovery.ack')}
          </button>
        </>
      )}
      {state.pendingReversals > 0 && <div className="banner-hint">{t('settlement.recovery.pending', { n: state.pendingReversals })}</div>}
    </div>
  );
}
