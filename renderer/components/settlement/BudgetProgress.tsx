// Progress of a settlement chain against its time budget (10 s by default): the step the host is
// on (from `settlement.progress`) and the time left, counting down between events so the cashier
// sees the terminal is working and how long it may still take.
import { useEffect, useState } from 'react';
import type { SettlementProgress } from '@src/contract/methods/settlement';
import { formatScaled } from '@src/common/money';
import { subscribe } from '../../bridge/api';
import { useT } from '../../i18n';

/** Events of one call (by operationId); undefined until the first arrives. */
export function useSettlementProgress(operationId: string | undefined): { progress: SettlementProgress | undefined; receivedAt: number } {
  const [state, setState] = useState<{ progress: SettlementProgress | undefined; receivedAt: number }>({ progress: undefined, receivedAt: 0 });
  useEffect(() => {
    setState({ progress: undefined, receivedAt: 0 });
    if (!operationId) return;
    return subscribe('settlement.progress', (p) => {
      if (p.operationId === operationId) setState({ progress: p, receivedAt: performance.now() });
    });
  }, [operationId]);
  return state;
}

export function BudgetProgress({ operationId, title }: { operationId: string | undefined; title: string }) {
  const t = useT();
  const { progress, receivedAt } = useSettlementProgress(operationId);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(performance.now()), 200);
    return () => window.clearInterval(timer);
  }, []);
  const budget = progress?.budgetMs ?? 0;
  const remaining = progress ? Math.max(0, progress.remainingMs - (progress.done ? 0 : now - receivedAt)) : budget;
  const percent = budget > 0 ? Math.round(((budget - remaining) / budget) * 100) : 0;
  return (
    <div className="budget-progress" role="status" aria-live="polite" data-testid="budget-progress">
      <div className="budget-title">{title}</div>
      <div className="budget-bar" aria-hidden="true">
        <div className={`budget-fill ${remaining < budget / 4 ? 'budget-low' : ''}`} style={{ width: `${percent}%` }} />
      </div>
      <div className="budget-step">
        {progress ? progress.label : t('settlement.progress.starting')}
        {progress && <span className="budget-remaining">{t('settlement.progress.remaining', { s: formatScaled(Math.ceil(remaining / 100), 1) })}</span>}
      </div>
    </div>
  );
}
