// IT admin: reconcile a day or a range with the hub (F6), see each group's 3201 answer and every
// 3202 mismatch with its cause, resolve them (2601 for orphans, or a recorded note), and apply for
// the month's clearing.
import { useCallback, useEffect, useState } from 'react';
import { formatMoney } from '@src/common/money';
import type { MismatchView, ReconcileRunView } from '@src/contract/methods/reconcile';
import { api } from '../../bridge/api';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useHotkeys } from '../../components/useHotkeys';
import { useT } from '../../i18n';
import { ClearingPanel } from './ClearingPanel';
import { ResolveDialog } from './ResolveDialog';

export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function ReconcileScreen() {
  const t = useT();
  const [from, setFrom] = useState(chinaToday());
  const [to, setTo] = useState(chinaToday());
  const [run, setRun] = useState<ReconcileRunView>();
  const [history, setHistory] = useState<ReconcileRunView[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [resolving, setResolving] = useState<MismatchView>();

  const loadHistory = useCallback(() => {
    api.reconcile
      .runs({ limit: 10 })
      .then((runs) => {
        setHistory(runs);
        setRun((current) => current ?? runs[0]);
      })
      .catch(setError);
  }, []);
  useEffect(() => loadHistory(), [loadHistory]);

  async function reconcile(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      setRun(await api.reconcile.run({ from, to }));
      loadHistory();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function open(id: number): Promise<void> {
    try {
      setRun(await api.reconcile.get({ runId: id }));
    } catch (e) {
      setError(e);
    }
  }

  useHotkeys({ F6: () => void reconcile() }, resolving === undefined);

  const money = (a: { medfee: number } | undefined) => (a ? formatMoney(a.medfee) : '—');

  return (
    <section className="screen reconcile-screen">
      <h1>{t('reconcile.title')}</h1>
      <ErrorBanner error={error} />
      <div className="form-grid">
        <Field label={t('reconcile.from')}>{(id) => <input id={id} type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="reconcile-from" />}</Field>
        <Field label={t('reconcile.to')}>{(id) => <input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="reconcile-to" />}</Field>
      </div>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void reconcile()} data-testid="reconcile-run">
          {busy ? t('reconcile.running') : t('reconcile.run')} <kbd>F6</kbd>
        </button>
        <button type="button" onClick={loadHistory}>
          {t('reconcile.refresh')}
        </button>
      </div>

      {run && (
        <div data-testid="reconcile-result" data-state={run.state}>
          <Notice level={run.state === 'agreed' ? 'success' : 'warning'}>{t('reconcile.runHeader', { id: run.id, from: run.from, to: run.to, state: t(`reconcile.state.${run.state}`) })}</Notice>
          {run.failure && <Notice level="warning">{run.failure}</Notice>}
          {run.unresolvedCalls > 0 && <Notice level="warning">{t('reconcile.unresolved', { n: run.unresolvedCalls })}</Notice>}
          <h2>{t('reconcile.groups')}</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('reconcile.col.insutype')}</th>
                <th>{t('reconcile.col.clrType')}</th>
                <th>{t('reconcile.col.count')}</th>
                <th>{t('reconcile.col.medfee')}</th>
                <th>{t('reconcile.col.fund')}</th>
                <th>{t('reconcile.col.acct')}</th>
                <th>{t('reconcile.col.result')}</th>
              </tr>
            </thead>
            <tbody>
              {run.groups.map((g) => (
                <tr key={`${g.insutype}-${g.clrType}`} title={g.stmtRsltDscr}>
                  <td>{g.insutype}</td>
                  <td>{g.clrType}</td>
                  <td>{g.count}</td>
                  <td className="money">{formatMoney(g.medfee)}</td>
                  <td className="money">{formatMoney(g.fund)}</td>
                  <td className="money">{formatMoney(g.acct)}</td>
                  <td>{g.stmtRslt === '0' ? t('reconcile.balanced') : t('reconcile.unbalanced')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('reconcile.mismatches')}</h2>
          {run.mismatches.length === 0 ? (
            <p>{t('reconcile.noMismatches')}</p>
          ) : (
            <table className="data-table" data-testid="mismatches">
              <thead>
                <tr>
                  <th>{t('reconcile.col.kind')}</th>
                  <th>{t('reconcile.col.setlId')}</th>
                  <th>{t('reconcile.col.msgid')}</th>
                  <th>{t('reconcile.col.terminal')}</th>
                  <th>{t('reconcile.col.hub')}</th>
                  <th>{t('reconcile.col.memo')}</th>
                  <th>{t('reconcile.col.state')}</th>
                </tr>
              </thead>
              <tbody>
                {run.mismatches.map((m) => (
                  <tr key={m.id} data-kind={m.kind} data-state={m.state}>
                    <td style={{ whiteSpace: 'nowrap' }}>{t(`reconcile.kind.${m.kind}`)}</td>
                    <td className="mono">
                      {m.setlId}
                      {m.recordId !== undefined && <span className="muted"> #{m.recordId}</span>}
                    </td>
                    <td className="mono">{m.msgid || '—'}</td>
                    <td className="money">{money(m.terminal)}</td>
                    <td className="money">{money(m.hub)}</td>
                    <td>{m.memo}</td>
                    <td>
                      {m.state === 'open' ? (
                        <button type="button" onClick={() => setResolving(m)} data-testid={`resolve-${m.id}`}>
                          {t('reconcile.resolve')}
                        </button>
                      ) : m.resolution === 'reversed' ? (
                        t('reconcile.resolved.reversed', { msgid: m.resolutionMsgid ?? '' })
                      ) : (
                        t('reconcile.resolved.acknowledged', { note: m.resolutionNote ?? '' })
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}

      {resolving && (
        <ResolveDialog
          mismatch={resolving}
          onCancel={() => setResolving(undefined)}
          onDone={(m) => {
            setResolving(undefined);
            setRun((r) => r && { ...r, mismatches: r.mismatches.map((x) => (x.id === m.id ? m : x)) });
          }}
        />
      )}

      {history.length > 0 && (
        <>
          <h2>{t('reconcile.history')}</h2>
          <table className="data-table">
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <td>
                    <button type="button" onClick={() => void open(h.id)}>
                      #{h.id}
                    </button>
                  </td>
                  <td>
                    {h.from} – {h.to}
                  </td>
                  <td>{t(`reconcile.state.${h.state}`)}</td>
                  <td>{h.operator}</td>
                  <td>{new Date(h.startedAt).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <ClearingPanel />
    </section>
  );
}
