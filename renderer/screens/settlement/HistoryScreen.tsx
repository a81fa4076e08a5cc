// 结算记录: find a settlement by date, the patient's full ID number or name, or setl_id; see its
// details (breakdown, fee lines, refund), reprint the receipt or refund slip, refund (the host
// checks the role: cashier for outpatient/inpatient, pharmacist for pharmacy).
import { useCallback, useEffect, useState } from 'react';
import type { LineSplit, SettlementKind, SettlementRecord } from '@src/contract/methods/settlement';
import { api } from '../../bridge/api';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { Breakdown } from '../../components/settlement/Breakdown';
import { money } from '../../components/settlement/format';
import { ReasonDialog } from '../../components/settlement/ReasonDialog';
import { ReceiptView } from '../../components/settlement/ReceiptView';
import { RecoveryNotice } from '../../components/settlement/RecoveryNotice';
import { Reveal } from '../../components/settlement/Reveal';
import { refundPresets } from '../../components/settlement/SettleResultPanel';
import { useScanEnterGuard } from '../../components/settlement/useScanEnterGuard';
import { useScreenKeys } from '../../components/settlement/useScreenKeys';
import { useT } from '../../i18n';
import { isQueueable, QueuedBanner, QueueOffer, type QueuedNotice } from '../offline/QueueOffer';
import { useTerminal } from '../../stores/terminal-store';

type Row = Awaited<ReturnType<typeof api.settlements.search>>['rows'][number];
const KINDS: readonly (SettlementKind | 'all')[] = ['all', 'outpatient', 'pharmacy', 'inpatient'];

/** Today in China time (the counter's calendar), YYYY-MM-DD. */
function chinaToday(offsetDays = 0): string {
  const d = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function mayRefund(role: string | undefined, kind: SettlementKind): boolean {
  return kind === 'pharmacy' ? role === 'pharmacist' : role === 'cashier';
}

export function HistoryScreen() {
  const t = useT();
  const role = useTerminal((s) => s.session?.operator?.role);
  const [from, setFrom] = useState(chinaToday(-6));
  const [to, setTo] = useState(chinaToday());
  const [idNumber, setIdNumber] = useState('');
  const [name, setName] = useState('');
  const [setlId, setSetlId] = useState('');
  const [kind, setKind] = useState<SettlementKind | 'all'>('all');
  const [rows, setRows] = useState<Row[]>();
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<unknown>();
  const [openId, setOpenId] = useState<number>();

  const search = useCallback(async () => {
    setError(undefined);
    try {
      const r = await api.settlements.search({
        from,
        to,
        ...(idNumber.trim() ? { idNumber: idNumber.trim().toUpperCase() } : {}),
        ...(name.trim() ? { patientName: name.trim() } : {}),
        ...(setlId.trim() ? { setlId: setlId.trim() } : {}),
        ...(kind !== 'all' ? { kind } : {}),
      });
      setRows(r.rows);
      setTruncated(r.truncated);
    } catch (e) {
      setError(e);
    }
  }, [from, to, idNumber, name, setlId, kind]);

  useEffect(() => void search(), []); // eslint-disable-line react-hooks/exhaustive-deps -- first load only; later searches are the operator's
  useScanEnterGuard();
  useScreenKeys({ F8: () => void search() }, openId === undefined);

  return (
    <section className="screen settle-screen" data-testid="history-screen">
      <h1>{t('settlement.history.title')}</h1>
      <RecoveryNotice />
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <div className="form-grid">
          <Field label={t('settlement.history.from')}>{(id) => <input id={id} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}</Field>
          <Field label={t('settlement.history.to')}>{(id) => <input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}</Field>
          <Field label={t('settlement.history.idNumber')}>{(id) => <input id={id} value={idNumber} maxLength={18} autoComplete="off" onChange={(e) => setIdNumber(e.target.value)} />}</Field>
          <Field label={t('settlement.history.name')}>{(id) => <input id={id} value={name} maxLength={50} autoComplete="off" onChange={(e) => setName(e.target.value)} />}</Field>
          <Field label={t('settlement.history.setlId')}>{(id) => <input id={id} value={setlId} maxLength={40} autoComplete="off" onChange={(e) => setSetlId(e.target.value)} />}</Field>
          <Field label={t('settlement.history.kind')}>
            {(id) => (
              <select id={id} value={kind} onChange={(e) => setKind(e.target.value as SettlementKind | 'all')}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`settlement.history.kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <button type="submit" className="primary" data-testid="history-search">
          {t('settlement.history.search')} <kbd>F8</kbd>
        </button>
      </form>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      {truncated && rows && <Notice level="warning">{t('settlement.history.truncated', { n: rows.length })}</Notice>}
      {rows && rows.length === 0 && <p className="field-hint">{t('settlement.history.none')}</p>}
      {rows && rows.length > 0 && (
        <table className="data-table" data-testid="history-table">
          <thead>
            <tr>
              <th>{t('settlement.history.col.time')}</th>
              <th>{t('settlement.history.col.patient')}</th>
              <th>{t('settlement.history.col.kind')}</th>
              <th>{t('settlement.history.col.setlId')}</th>
              <th className="num">{t('settlement.history.col.medfee')}</th>
              <th className="num">{t('settlement.history.col.cash')}</th>
              <th>{t('settlement.history.col.state')}</th>
              <th>{t('settlement.history.col.operator')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid={`history-row-${r.id}`} data-state={r.state}>
                <td>{new Date(r.settledAt).toLocaleString('zh-CN', { hour12: false })}</td>
                <td>
                  {r.patientName} <span className="mono field-hint">{r.idMasked}</span>
                </td>
                <td>{t(`settlement.history.kind.${r.kind}`)}</td>
                <td className="mono">{r.setlId || '—'}</td>
                <td className="num money">{r.figures ? money(r.figures.medfee_sumamt) : '—'}</td>
                <td className="num money">{r.figures ? money(r.figures.psn_cash_pay) : '—'}</td>
                <td>
                  {t(`settlement.history.state.${r.state}`)}
                  {r.note && <div className="field-hint">{r.note}</div>}
                </td>
                <td>{r.operatorName}</td>
                <td>
                  <button type="button" onClick={() => setOpenId(r.id)}>
                    {t('settlement.history.details')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Reveal when={openId} block="start">
        {openId !== undefined && <HistoryDetail key={openId} id={openId} role={role} onClose={() => setOpenId(undefined)} onChanged={() => void search()} />}
      </Reveal>
    </section>
  );
}

function HistoryDetail({ id, role, onClose, onChanged }: { id: number; role: string | undefined; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const [detail, setDetail] = useState<{ record: SettlementRecord; lines: LineSplit[] }>();
  const [error, setError] = useState<unknown>();
  const [refunding, setRefunding] = useState(false);
  const [message, setMessage] = useState<{ message: string; hint?: string }>();
  const [receipt, setReceipt] = useState<'settlement' | 'refund' | undefined>();
  // Offline queue (issue 8 follow-up): a refund that could not reach the hub may be queued.
  const [queueOffer, setQueueOffer] = useState<{ reason: string; error: unknown }>();
  const [queued, setQueued] = useState<QueuedNotice>();

  const load = useCallback(() => {
    api.settlements.get({ id }).then(setDetail).catch(setError);
  }, [id]);
  useEffect(load, [load]);
  useScreenKeys({ Escape: onClose }, !refunding);

  async function refund(reason: string): Promise<void> {
    setQueueOffer(undefined);
    let r: Awaited<ReturnType<typeof api.settlements.refund>>;
    try {
      r = await api.settlements.refund({ id, reason, operationId: crypto.randomUUID() });
    } catch (e) {
      // Nothing was sent (hub unreachable): offer the offline queue instead of a dead end.
      if (detail && isQueueable(e)) return setQueueOffer({ reason, error: e });
      throw e;
    }
    setMessage({ message: r.message, ...(r.hint ? { hint: r.hint } : {}) });
    load();
    onChanged();
  }

  const record = detail?.record;
  return (
    <section className="settle-panel history-detail" aria-label={t('settlement.history.details')} data-testid="history-detail">
      <header className="settle-panel-head">
        <h2>
          {t('settlement.history.details')} {record && `· ${record.patientName} · ${record.setlId}`}
        </h2>
        <button type="button" onClick={onClose}>
          {t('settlement.history.close')}（Esc）
        </button>
      </header>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      {queueOffer && (
        <>
          <ErrorBanner error={queueOffer.error} onClose={() => setQueueOffer(undefined)} />
          <QueueOffer
            what="refund"
            onQueue={() => api.settlements.queueRefund({ id, reason: queueOffer.reason })}
            onDone={(q) => {
              setQueueOffer(undefined);
              setQueued(q);
              load();
              onChanged();
            }}
          />
        </>
      )}
      {queued && <QueuedBanner queued={queued} />}
      {message && (
        <Notice level="success">
          <div className="banner-message" data-testid="refund-done">
            {message.message}
          </div>
          {message.hint && <div className="banner-hint">{message.hint}</div>}
        </Notice>
      )}
      {record && (
        <>
          {record.note && <Notice>{record.note}</Notice>}
          {record.refund && (
            <Notice level="warning">
              {t('settlement.history.refundedBy', { at: new Date(record.refund.at).toLocaleString('zh-CN', { hour12: false }), operator: record.refund.operator, reason: record.refund.reason })}
            </Notice>
          )}
          {record.figures && <Breakdown figures={record.figures} funds={record.funds} lines={detail.lines} testId="history-breakdown" />}
          <div className="actions no-print">
            {(record.state === 'settled' || record.state === 'refunded') && (
              <button type="button" onClick={() => setReceipt('settlement')} data-testid="history-reprint">
                {t('settlement.history.reprint')}
              </button>
            )}
            {record.refund && (
              <button type="button" onClick={() => setReceipt('refund')} data-testid="history-refund-receipt">
                {t('settlement.history.refundReceipt')}
              </button>
            )}
            {record.state === 'settled' && mayRefund(role, record.kind) && (
              <button type="button" className="danger" onClick={() => setRefunding(true)} data-testid="history-refund">
                {t('settlement.result.refund')}
              </button>
            )}
          </div>
          {receipt && <ReceiptView key={receipt} settlementId={record.id} refund={receipt === 'refund'} />}
        </>
      )}
      {refunding && <ReasonDialog title={t('settlement.refund.title')} presets={refundPresets(t)} confirmLabel={t('settlement.refund.confirm')} onConfirm={refund} onClose={() => setRefunding(false)} />}
    </section>
  );
}
