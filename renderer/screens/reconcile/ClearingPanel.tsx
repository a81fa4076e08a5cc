// Monthly clearing application (3203): the figures it will send are shown first; applying sends
// exactly those. An application can be cancelled (3204).
import { useCallback, useEffect, useState } from 'react';
import { formatMoney } from '@src/common/money';
import type { ClearingApplicationView, ClearingFigures } from '@src/contract/methods/reconcile';
import { api } from '../../bridge/api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';

type ClrType = '11' | '21' | '41' | '99';

function lastMonth(): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  return `${y}${String(m).padStart(2, '0')}`;
}

export function ClearingPanel() {
  const t = useT();
  const [setlym, setSetlym] = useState(lastMonth());
  const [clrType, setClrType] = useState<ClrType>('11');
  const [figures, setFigures] = useState<ClearingFigures>();
  const [list, setList] = useState<ClearingApplicationView[]>([]);
  const [error, setError] = useState<unknown>();

  const load = useCallback(() => {
    api.reconcile.clearings({}).then(setList).catch(setError);
  }, []);
  useEffect(() => load(), [load]);

  async function act(fn: () => Promise<unknown>): Promise<void> {
    setError(undefined);
    try {
      await fn();
      load();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="clearing-panel">
      <h2>{t('reconcile.clearing')}</h2>
      <ErrorBanner error={error} />
      <div className="form-grid">
        <Field label={t('reconcile.setlym')}>{(id) => <input id={id} value={setlym} onChange={(e) => setSetlym(e.target.value.trim())} maxLength={6} inputMode="numeric" />}</Field>
        <Field label={t('reconcile.col.clrType')}>
          {(id) => (
            <select id={id} value={clrType} onChange={(e) => setClrType(e.target.value as ClrType)}>
              {(['11', '21', '41', '99'] as const).map((c) => (
                <option key={c} value={c}>
                  {c} {t(`reconcile.clr.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="button" onClick={() => void act(async () => setFigures(await api.reconcile.clearingPreview({ setlym, clrType })))}>
          {t('reconcile.preview')}
        </button>
        {figures && (
          <button type="button" className="primary" onClick={() => void act(async () => (await api.reconcile.clearingApply({ setlym: figures.setlym, clrType: figures.clrType as ClrType }), setFigures(undefined)))}>
            {t('reconcile.apply')}
          </button>
        )}
      </div>
      {figures && (
        <table className="data-table" data-testid="clearing-figures">
          <tbody>
            <tr><th>{t('reconcile.fig.settlements')}</th><td>{figures.settlements}</td><th>{t('reconcile.fig.refunds')}</th><td>{figures.refunds}</td><th>{t('reconcile.fig.psntime')}</th><td>{figures.psntime}</td></tr>
            <tr><th>{t('reconcile.col.medfee')}</th><td className="money">{formatMoney(figures.medfee)}</td><th>{t('reconcile.fig.fundAppy')}</th><td className="money">{formatMoney(figures.fundAppy)}</td><th>{t('reconcile.col.acct')}</th><td className="money">{formatMoney(figures.acct)}</td></tr>
          </tbody>
        </table>
      )}
      {list.length > 0 && (
        <table className="data-table">
          <tbody>
            {list.map((c) => (
              <tr key={c.id}>
                <td>{c.figures.setlym}</td>
                <td>{t(`reconcile.clr.${c.figures.clrType as ClrType}`)}</td>
                <td className="money">{formatMoney(c.figures.fundAppy)}</td>
                <td>{c.state === 'applied' ? t('reconcile.applied', { id: c.clrAppyEvtId }) : t('reconcile.cancelled')}</td>
                <td>{c.appliedBy}</td>
                <td>
                  {c.state === 'applied' && (
                    <button type="button" onClick={() => void act(() => api.reconcile.clearingCancel({ id: c.id }))}>
                      {t('reconcile.cancelClearing')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
