// IT (and the counter, read-only actions aside): the offline queue — items, states, amounts, the
// progress bar during a flush, each item's outcome, retry / mark-handled, CSV export.
import { useCallback, useEffect, useState } from 'react';
import { formatMoney } from '@src/common/money';
import type { EventPayload } from '@src/contract/events';
import type { QueueItemView } from '@src/contract/methods/queue';
import { api, subscribe } from '../../bridge/api';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { useHotkeys } from '../../components/useHotkeys';
import { useT, type MessageKey } from '../../i18n';
import { useTerminal } from '../../stores/terminal-store';

type State = QueueItemView['state'];
type Summary = Awaited<ReturnType<typeof api.queue.status>>;
type Report = Awaited<ReturnType<typeof api.queue.flush>>;

export function QueueScreen() {
  const t = useT();
  const role = useTerminal((s) => s.session?.operator?.role);
  const isIt = role === 'it_admin';
  const [items, setItems] = useState<QueueItemView[]>([]);
  const [summary, setSummary] = useState<Summary>();
  const [filter, setFilter] = useState<State | undefined>();
  const [progress, setProgress] = useState<EventPayload<'queue.progress'>>();
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<unknown>();

  const load = useCallback(() => {
    Promise.all([api.queue.list(filter ? { state: filter } : {}), api.queue.status({})])
      .then(([list, s]) => {
        setItems(list);
        setSummary(s);
      })
      .catch(setError);
  }, [filter]);
  useEffect(() => load(), [load]);
  useEffect(
    () =>
      subscribe('queue.progress', (p) => {
        setProgress(p.flushing ? p : undefined);
        if (!p.flushing) load();
      }),
    [load],
  );

  async function flush(): Promise<void> {
    setError(undefined);
    setReport(undefined);
    try {
      setReport(await api.queue.flush({}));
    } catch (e) {
      setError(e);
    } finally {
      setProgress(undefined);
      load();
    }
  }

  async function act(fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
      load();
    } catch (e) {
      setError(e);
    }
  }

  async function exportCsv(): Promise<void> {
    try {
      const r = await api.queue.exportCsv(filter ? { state: filter } : {});
      const url = URL.createObjectURL(new Blob(['\ufeff' + r.csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = r.filename;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(e);
    }
  }

  useHotkeys({ F8: () => void flush() });

  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <section className="screen queue-screen">
      <h1>{t('queue.title')}</h1>
      <ErrorBanner error={error} />
      {summary && (
        <p data-testid="queue-summary">
          {t('queue.summary', { depth: summary.depth, amount: formatMoney(summary.amountFen), dead: summary.dead, done: summary.done })}
          {summary.flushingBy && ` · ${t('queue.flushingBy', { owner: summary.flushingBy })}`}
        </p>
      )}
      <div className="actions">
        <button type="button" data-testid="queue-flush" onClick={() => void flush()} disabled={progress !== undefined}>
          {t('queue.flush')}
        </button>
        <button type="button" onClick={() => load()}>
          {t('common.refresh')}
        </button>
        {isIt && (
          <button type="button" onClick={() => void exportCsv()}>
            {t('queue.export')}
          </button>
        )}
        <select aria-label={t('queue.col.state')} value={filter ?? ''} onChange={(e) => setFilter((e.target.value || undefined) as State | undefined)}>
          <option value="">{t('queue.filter.all')}</option>
          {(['queued', 'dead', 'done', 'resolved'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`queue.state.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {progress && (
        <div className="budget-progress" data-testid="queue-progress">
          <progress max={100} value={pct} /> {t('queue.progress', { done: progress.done, total: progress.total, rate: Math.round(progress.rate) })}
        </div>
      )}
      {report && (
        <Notice level={report.dead > 0 || report.stoppedBecause === 'hub_unreachable' ? 'warning' : 'success'}>
          <span data-testid="queue-report">{t('queue.flushDone', { ok: report.succeeded, failed: report.failed, dead: report.dead, remaining: report.remaining })}</span>
          {report.stoppedBecause === 'hub_unreachable' && ` ${t('queue.hubDown')}`}
        </Notice>
      )}
      <table className="data-table" data-testid="queue-items">
        <thead>
          <tr>
            <th>{t('queue.col.id')}</th>
            <th>{t('queue.col.kind')}</th>
            <th>{t('queue.col.state')}</th>
            <th>{t('queue.col.patient')}</th>
            <th>{t('queue.col.amount')}</th>
            <th>{t('queue.col.attempts')}</th>
            <th>{t('queue.col.result')}</th>
            {isIt && <th>{t('queue.col.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} data-state={i.state}>
              <td>{i.id}</td>
              <td>{t(`queue.kind.${i.kind}` as MessageKey)}</td>
              <td>{t(`queue.state.${i.state}` as MessageKey)}</td>
              <td>{i.patientMasked ?? '—'}</td>
              <td className="money">{formatMoney(i.amountFen)}</td>
              <td>{i.attempts}</td>
              <td>
                {i.settled ? t('queue.settled', { setlId: i.settled.setlId, cash: formatMoney(i.settled.psnCashPayFen) }) : (i.lastError ?? '')}
                {i.nextAttemptAt && ` · ${t('queue.retryAt', { at: new Date(i.nextAttemptAt).toLocaleTimeString('zh-CN', { hour12: false }) })}`}
              </td>
              {isIt && (
                <td>
                  {i.state === 'dead' && (
                    <>
                      <button type="button" onClick={() => void act(() => api.queue.retry({ id: i.id }))}>
                        {t('queue.retry')}
                      </button>{' '}
                      <button
                        type="button"
                        onClick={() => {
                          const note = window.prompt(t('queue.resolveNote'));
                          if (note) void act(() => api.queue.resolve({ id: i.id, note }));
                        }}
                      >
                        {t('queue.resolve')}
                      </button>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
