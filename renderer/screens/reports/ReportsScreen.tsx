// Reports: the shift hand-over (every operator, their own shift; IT admins may pick any operator
// and window) and, for IT admins, the day or range summary with charts. Both export CSV and PDF
// (the host renders the files).
import { useEffect, useState } from 'react';
import { formatMoney, formatScaled } from '@src/common/money';
import type { MoneyTotals, ShiftReport, SummaryReport } from '@src/contract/methods/reports';
import { api } from '../../bridge/api';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useHotkeys } from '../../components/useHotkeys';
import { useT } from '../../i18n';
import { useTerminal } from '../../stores/terminal-store';
import { BarChart, ShareRing } from './BarChart';
import { ShiftFilterFields } from './ShiftFilterFields';
import { toShiftQuery, type ShiftFilter, type ShiftQuery } from './shift-query';

function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Saves an export the host produced (base64) as a download. */
function download(file: { filename: string; mime: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function TotalsTable({ rows }: { rows: readonly { label: string; totals: MoneyTotals }[] }) {
  const t = useT();
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th />
          <th>{t('reports.count')}</th>
          <th>{t('reports.medfee')}</th>
          <th>{t('reports.fund')}</th>
          <th>{t('reports.acct')}</th>
          <th>{t('reports.cash')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th>{r.label}</th>
            <td>{r.totals.count}</td>
            <td className="money">{formatMoney(r.totals.medfee)}</td>
            <td className="money">{formatMoney(r.totals.fund)}</td>
            <td className="money">{formatMoney(r.totals.acct)}</td>
            <td className="money">{formatMoney(r.totals.cash)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ShiftView({ isAdmin, self }: { isAdmin: boolean; self: string }) {
  const t = useT();
  const [report, setReport] = useState<ShiftReport>();
  const [error, setError] = useState<unknown>();
  const [handedOver, setHandedOver] = useState<ShiftReport>();
  // IT admins may look at any operator's shift over any window; cashiers always see their own.
  const [filter, setFilter] = useState<ShiftFilter>({ operator: '', from: '', to: '' });
  const [shown, setShown] = useState<ShiftQuery>({});
  const fetchShift = (query: ShiftQuery): void => {
    setError(undefined);
    api.reports
      .shift(query)
      .then((r) => {
        setReport(r);
        setShown(query);
      })
      .catch(setError);
  };
  const load = (): void => {
    if (!isAdmin) {
      fetchShift({});
      return;
    }
    const checked = toShiftQuery(filter, t);
    if ('error' in checked) setError(checked.error);
    else fetchShift(checked.query);
  };
  useEffect(() => fetchShift({}), []);
  /** Only one's own shift can be handed over (the contract has no operator for 交班). */
  const ownShift = report !== undefined && report.operator === self;
  /** 交班: the host records the window shown (to = its end) and the next shift starts after it. */
  const handOver = (): void => {
    if (!report || !ownShift) return;
    setError(undefined);
    api.reports
      .handOver({ from: report.from, to: report.to })
      .then((r) => {
        setHandedOver(r.report);
        fetchShift(shown);
      })
      .catch(setError);
  };
  const exportAs = (format: 'csv' | 'pdf'): void => {
    setError(undefined);
    api.reports
      .exportShift({ ...shown, format })
      .then(download)
      .catch(setError);
  };
  useHotkeys({ F6: load, F8: () => exportAs('csv'), F10: handOver });
  const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
  return (
    <section data-testid="shift-report">
      <h2>{t('reports.shift')}</h2>
      <ErrorBanner error={error} />
      {isAdmin && <ShiftFilterFields value={filter} onChange={setFilter} onSubmit={load} self={self} />}
      <div className="actions">
        {!isAdmin && (
          <button type="button" onClick={load}>
            {t('reports.load')} <kbd>F6</kbd>
          </button>
        )}
        <button type="button" onClick={() => exportAs('csv')}>
          {t('reports.exportCsv')} <kbd>F8</kbd>
        </button>
        <button type="button" onClick={() => exportAs('pdf')}>
          {t('reports.exportPdf')}
        </button>
        <button type="button" className="primary" onClick={handOver} disabled={!ownShift} data-testid="hand-over">
          {t('reports.handOver')} <kbd>F10</kbd>
        </button>
      </div>
      {report && !ownShift && <Notice level="info">{t('reports.othersShift', { name: report.operatorName })}</Notice>}
      {handedOver && <Notice level="success">{t('reports.handedOver', { cash: formatMoney(handedOver.cashToHandOver), to: when(handedOver.to) })}</Notice>}
      {report && (
        <>
          <p>
            {t('reports.operator')}：{report.operatorName}（{report.operator}） {t('reports.window', { from: when(report.from), to: when(report.to) })}
          </p>
          {report.unresolvedCalls > 0 && <Notice level="warning">{t('reports.unresolved', { n: report.unresolvedCalls })}</Notice>}
          <div className="shift-cash">
            {t('reports.cashToHandOver')} <span className="money-big" data-testid="cash-to-hand-over">{formatMoney(report.cashToHandOver)}</span>
          </div>
          <TotalsTable
            rows={[
              { label: t('reports.settlements'), totals: report.settlements },
              { label: t('reports.refunds'), totals: report.refunds },
              { label: t('reports.total'), totals: report.total },
            ]}
          />
          <p>
            {t('reports.reversals')}：{report.reversals}
          </p>
          {report.rows.length === 0 ? (
            <p>{t('reports.empty')}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th>{t('reports.col.time')}</th>
                  <th>{t('reconcile.col.setlId')}</th>
                  <th>{t('reports.col.kind')}</th>
                  <th>{t('reports.col.medType')}</th>
                  <th>{t('reports.medfee')}</th>
                  <th>{t('reports.fund')}</th>
                  <th>{t('reports.acct')}</th>
                  <th>{t('reports.cash')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.setlId}>
                    <td>{r.setlTime}</td>
                    <td className="mono">{r.setlId}</td>
                    <td>{r.kind === 'settle' ? t('reports.settlements') : t('reports.refunds')}</td>
                    <td>{r.medTypeName}</td>
                    <td className="money">{formatMoney(r.medfee)}</td>
                    <td className="money">{formatMoney(r.fund)}</td>
                    <td className="money">{formatMoney(r.acct)}</td>
                    <td className="money">{formatMoney(r.cash)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

function SummaryView() {
  const t = useT();
  const [from, setFrom] = useState(chinaToday());
  const [to, setTo] = useState(chinaToday());
  const [report, setReport] = useState<SummaryReport>();
  const [error, setError] = useState<unknown>();
  const load = (): void => {
    setError(undefined);
    api.reports.summary({ from, to }).then(setReport).catch(setError);
  };
  const exportAs = (format: 'csv' | 'pdf'): void => {
    setError(undefined);
    api.reports.exportSummary({ from, to, format }).then(download).catch(setError);
  };
  return (
    <section data-testid="summary-report">
      <h2>{t('reports.summary')}</h2>
      <ErrorBanner error={error} />
      <div className="form-grid">
        <Field label={t('reconcile.from')}>{(id) => <input id={id} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}</Field>
        <Field label={t('reconcile.to')}>{(id) => <input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}</Field>
      </div>
      <div className="actions">
        <button type="button" onClick={load} data-testid="summary-load">
          {t('reports.load')}
        </button>
        <button type="button" onClick={() => exportAs('csv')}>
          {t('reports.exportCsv')}
        </button>
        <button type="button" onClick={() => exportAs('pdf')}>
          {t('reports.exportPdf')}
        </button>
      </div>
      {report && (
        <>
          <TotalsTable
            rows={[
              { label: t('reports.settlements'), totals: report.settlements },
              { label: t('reports.refunds'), totals: report.refunds },
              { label: t('reports.total'), totals: report.total },
              { label: t('reports.crossProvince'), totals: report.crossProvince },
            ]}
          />
          <p>
            {t('reports.reversals')}：{report.reversals} · {t('reports.crossShare', { share: formatScaled(report.crossProvinceShare, 2) })}
          </p>
          <ShareRing
            title={t('reports.payers')}
            parts={[
              { label: t('reports.fund'), value: report.total.fund, color: '#2e86de' },
              { label: t('reports.acct'), value: report.total.acct, color: '#27ae60' },
              { label: t('reports.cash'), value: report.total.cash, color: '#e67e22' },
            ]}
          />
          <BarChart title={t('reports.byProvince')} testId="chart-province" bars={report.byProvince.map((b) => ({ label: b.label, value: b.medfee, note: `${b.count}` }))} />
          <BarChart title={t('reports.byMedType')} bars={report.byMedType.map((b) => ({ label: b.label, value: b.medfee, note: `${b.count}` }))} />
          {report.byDay.length > 1 && <BarChart title={t('reports.byDay')} bars={report.byDay.map((b) => ({ label: b.label, value: b.medfee, note: `${b.count}` }))} />}
        </>
      )}
    </section>
  );
}

export function ReportsScreen() {
  const t = useT();
  const role = useTerminal((s) => s.session?.operator?.role);
  const self = useTerminal((s) => s.session?.operator?.username) ?? '';
  return (
    <section className="screen reports-screen">
      <h1>{t('reports.title')}</h1>
      <ShiftView isAdmin={role === 'it_admin'} self={self} />
      {role === 'it_admin' && <SummaryView />}
    </section>
  );
}
