// 住院结算: admission (2401; the hub checks the filing on the admission date), fee uploads
// (2301, any number of times) and cancellations (2302), discharge (2402) and its cancellation
// (2405), pre-settlement (2303) and settlement (2304, also mid-stay 中途结算), admission
// cancellation (2404). The list shows the open stays; a stay opens in the detail below.
import { useCallback, useEffect, useState } from 'react';
import type { PreSettlement, SettleResult, Stay } from '@src/contract/methods/settlement';
import { api } from '../../bridge/api';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { BudgetProgress } from '../../components/settlement/BudgetProgress';
import { Breakdown } from '../../components/settlement/Breakdown';
import { ConfirmSettleDialog } from '../../components/settlement/ConfirmSettleDialog';
import { DiagnosisPicker } from '../../components/settlement/DiagnosisPicker';
import { FeeLineTable } from '../../components/settlement/FeeLineTable';
import { addItem, toInputs, type DraftLine } from '../../components/settlement/fee-lines';
import { FilingAdvice, isFilingRefusal } from '../../components/settlement/FilingAdvice';
import { money, quantityText } from '../../components/settlement/format';
import { ItemSearch } from '../../components/settlement/ItemSearch';
import { PatientPanel } from '../../components/settlement/PatientPanel';
import { ReasonDialog } from '../../components/settlement/ReasonDialog';
import { RecoveryNotice } from '../../components/settlement/RecoveryNotice';
import { Reveal } from '../../components/settlement/Reveal';
import { SettleResultPanel } from '../../components/settlement/SettleResultPanel';
import { useCounterMedia } from '../../components/settlement/useCounterMedia';
import { useScanEnterGuard } from '../../components/settlement/useScanEnterGuard';
import { useScreenKeys } from '../../components/settlement/useScreenKeys';
import { useT } from '../../i18n';
import { isQueueable, QueuedBanner, QueueOffer, type QueuedNotice } from '../offline/QueueOffer';
import { useInpatient } from '../../stores/settlement-inpatient';
import { usePatient } from '../../stores/settlement-patient';
import { DEPARTMENTS, department } from './departments';

const MED_TYPES = ['21', '24', '28'] as const;
type Detail = Awaited<ReturnType<typeof api.inpatient.get>>;

function ErrorOrFiling({ error, onClose }: { error: unknown; onClose: () => void }) {
  if (error === undefined) return null;
  return isFilingRefusal(error) ? <FilingAdvice error={error} /> : <ErrorBanner error={error} onClose={onClose} />;
}

export function InpatientScreen() {
  const t = useT();
  const { openStayId, set } = useInpatient();
  const [stays, setStays] = useState<Stay[]>();
  const [includeClosed, setIncludeClosed] = useState(false);
  const [error, setError] = useState<unknown>();

  const reload = useCallback(() => {
    api.inpatient.list({ includeClosed }).then(setStays).catch(setError);
  }, [includeClosed]);
  useEffect(reload, [reload]);

  return (
    <section className="screen settle-screen" data-testid="inpatient-screen">
      <h1>{t('settlement.inpatient.title')}</h1>
      <RecoveryNotice />
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      {openStayId === undefined ? (
        <>
          <h2>{t('settlement.inpatient.stays')}</h2>
          <label className="field-hint">
            <input type="checkbox" checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)} /> {t('settlement.inpatient.showClosed')}
          </label>
          <StayList stays={stays} onOpen={(id) => set({ openStayId: id })} />
          <AdmissionForm onAdmitted={(stay) => set({ openStayId: stay.stayId })} />
        </>
      ) : (
        <StayView
          stayId={openStayId}
          onBack={() => {
            set({ openStayId: undefined });
            reload();
          }}
        />
      )}
    </section>
  );
}

function StayList({ stays, onOpen }: { stays: Stay[] | undefined; onOpen: (id: number) => void }) {
  const t = useT();
  if (!stays) return null;
  if (stays.length === 0) return <p className="field-hint">{t('settlement.inpatient.noStays')}</p>;
  return (
    <table className="data-table" data-testid="stays">
      <thead>
        <tr>
          <th>{t('settlement.inpatient.col.patient')}</th>
          <th>{t('settlement.inpatient.col.iptNo')}</th>
          <th>{t('settlement.inpatient.col.dept')}</th>
          <th>{t('settlement.inpatient.col.admitted')}</th>
          <th>{t('settlement.inpatient.col.state')}</th>
          <th className="num">{t('settlement.inpatient.col.unsettled')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {stays.map((s) => (
          <tr key={s.stayId} data-testid={`stay-${s.stayId}`}>
            <td>
              {s.patientName} <span className="mono field-hint">{s.idMasked}</span>
            </td>
            <td className="mono">{s.iptNo}</td>
            <td>
              {s.dept} {s.bed}
            </td>
            <td>{new Date(s.admittedAt).toLocaleString('zh-CN', { hour12: false })}</td>
            <td>{t(`settlement.inpatient.state.${s.state}`)}</td>
            <td className="num money">{money(s.unsettledFeesFen)}</td>
            <td>
              <button type="button" onClick={() => onOpen(s.stayId)}>
                {t('settlement.inpatient.open')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AdmissionForm({ onAdmitted }: { onAdmitted: (stay: Stay) => void }) {
  const t = useT();
  const form = useInpatient();
  const { patient, insutype, clear } = usePatient();
  const [busy, setBusy] = useState(false);
  const [operationId, setOperationId] = useState<string>();
  const [error, setError] = useState<unknown>();
  useScanEnterGuard();
  useCounterMedia();

  async function admit(): Promise<void> {
    if (busy) return;
    setError(undefined);
    if (!patient) return setError({ message: t('settlement.need.patient'), hint: t('settlement.need.patientHint') });
    if (form.diagnoses.length === 0) return setError({ message: t('settlement.need.diagnosis'), hint: t('settlement.need.diagnosisHint') });
    const dept = department(form.deptCode) ?? DEPARTMENTS[0]!;
    const op = crypto.randomUUID();
    setOperationId(op);
    setBusy(true);
    try {
      const stay = await api.inpatient.admit({ operationId: op, patientRef: patient.patientRef, insutype, medType: form.medType, diagnoses: form.diagnoses, dept, ...(form.bed.trim() ? { bed: form.bed.trim() } : {}) });
      form.set({ admittedWith: { ...form.admittedWith, [stay.stayId]: form.diagnoses } });
      form.resetForm();
      clear();
      onAdmitted(stay);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="settle-panel" aria-label={t('settlement.inpatient.newAdmission')} data-testid="admission-form">
      <h2>{t('settlement.inpatient.newAdmission')}</h2>
      <div className="settle-grid">
        <PatientPanel />
        <div>
          <div className="form-grid">
            <Field label={t('settlement.inpatient.medType')}>
              {(id) => (
                <select id={id} value={form.medType} onChange={(e) => form.set({ medType: e.target.value })}>
                  {MED_TYPES.map((m) => (
                    <option key={m} value={m}>
                      {t(`settlement.inpatient.medType.${m}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('settlement.visit.dept')}>
              {(id) => (
                <select id={id} value={form.deptCode} onChange={(e) => form.set({ deptCode: e.target.value })}>
                  {DEPARTMENTS.map((d) => (
                    <option key={d.code} value={d.code}>
                      {d.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('settlement.inpatient.bed')}>{(id) => <input id={id} value={form.bed} maxLength={30} onChange={(e) => form.set({ bed: e.target.value })} />}</Field>
          </div>
          <DiagnosisPicker diagnoses={form.diagnoses} onAdd={(d) => !form.diagnoses.some((x) => x.code === d.code) && form.set({ diagnoses: [...form.diagnoses, d] })} onRemove={(code) => form.set({ diagnoses: form.diagnoses.filter((d) => d.code !== code) })} />
          <button type="button" className="primary" onClick={() => void admit()} disabled={busy} data-testid="admit">
            {t('settlement.inpatient.admit')}
          </button>
        </div>
      </div>
      <Reveal when={busy}>{busy && <BudgetProgress operationId={operationId} title={t('settlement.inpatient.admit')} />}</Reveal>
      <Reveal when={error}>
        <ErrorOrFiling error={error} onClose={() => setError(undefined)} />
      </Reveal>
    </section>
  );
}

type Dialog = 'cancelFees' | 'cancelDischarge' | 'cancelAdmission' | undefined;

function StayView({ stayId, onBack }: { stayId: number; onBack: () => void }) {
  const t = useT();
  const admittedWith = useInpatient((s) => s.admittedWith[stayId]);
  const [detail, setDetail] = useState<Detail>();
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [dischargeDx, setDischargeDx] = useState(admittedWith ?? []);
  const [midStay, setMidStay] = useState(false);
  const [acctUsed, setAcctUsed] = useState(true);
  const [pre, setPre] = useState<PreSettlement>();
  const [result, setResult] = useState<SettleResult>();
  const [busy, setBusy] = useState<string>();
  const [operationId, setOperationId] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  // Offline queue (issue 8 follow-up): the lines of an upload that could not reach the hub, to queue.
  const [unsent, setUnsent] = useState<Parameters<typeof api.inpatient.uploadFees>[0]['lines']>();
  const [queued, setQueued] = useState<QueuedNotice>();
  const [dialog, setDialog] = useState<Dialog>();
  const [confirming, setConfirming] = useState(false);

  const load = useCallback(() => {
    api.inpatient.get({ stayId }).then(setDetail).catch(setError);
  }, [stayId]);
  useEffect(load, [load]);

  async function run<T>(label: string, fn: (op: string) => Promise<T>): Promise<T | undefined> {
    if (busy) return undefined;
    const op = crypto.randomUUID();
    setOperationId(op);
    setBusy(label);
    setError(undefined);
    setNotice(undefined);
    try {
      const r = await fn(op);
      load();
      return r;
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(undefined);
    }
  }

  async function upload(): Promise<void> {
    const checked = toInputs(lines);
    if ('invalid' in checked) return setError({ message: t('settlement.need.lineInvalid', { name: checked.invalid.name }), hint: t('settlement.need.lineInvalidHint') });
    if (checked.inputs.length === 0) return setError({ message: t('settlement.need.lines'), hint: t('settlement.need.linesHint') });
    setUnsent(checked.inputs);
    setQueued(undefined);
    const r = await run(t('settlement.inpatient.upload'), (op) => api.inpatient.uploadFees({ operationId: op, stayId, lines: checked.inputs }));
    if (r) {
      setUnsent(undefined);
      setLines([]);
      setPre(undefined);
      setNotice(t('settlement.inpatient.uploadDone', { n: r.lines.length }));
    }
  }

  async function discharge(): Promise<void> {
    setUnsent(undefined);
    if (dischargeDx.length === 0) return setError({ message: t('settlement.need.diagnosis'), hint: t('settlement.need.diagnosisHint') });
    const r = await run(t('settlement.inpatient.discharge'), (op) => api.inpatient.discharge({ operationId: op, stayId, diagnoses: dischargeDx }));
    if (r) setNotice(t('settlement.inpatient.done', { action: t('settlement.inpatient.discharge') }));
  }

  async function preSettle(): Promise<void> {
    setUnsent(undefined);
    const r = await run(t('settlement.progress.pre'), (op) => api.inpatient.preSettle({ operationId: op, stayId, midStay, acctUsed }));
    if (r) setPre(r);
  }

  async function settle(): Promise<void> {
    setUnsent(undefined);
    setConfirming(false);
    const r = await run(t('settlement.progress.settle'), (op) => api.inpatient.settle({ operationId: op, stayId, midStay, acctUsed }));
    if (r) {
      setResult(r);
      setPre(undefined);
    }
  }

  const stay = detail?.stay;
  const canSettle = Boolean(pre) && !busy && !result;
  const askConfirm = (): void => {
    if (canSettle) setConfirming(true);
  };
  useScreenKeys({ F8: () => void preSettle(), F9: askConfirm, 'Ctrl+Enter': askConfirm, Escape: onBack }, !confirming && dialog === undefined);

  const reasonDialogs: Record<Exclude<Dialog, undefined>, { title: string; presets: string[]; act: (reason: string, op: string) => Promise<unknown> }> = {
    cancelFees: { title: t('settlement.inpatient.cancelFeesTitle'), presets: [t('settlement.reason.feeError'), t('settlement.reason.wrongEntry')], act: (reason, op) => api.inpatient.cancelFees({ operationId: op, stayId, reason }) },
    cancelDischarge: { title: t('settlement.inpatient.cancelDischarge'), presets: [t('settlement.reason.dischargeError')], act: (reason, op) => api.inpatient.cancelDischarge({ operationId: op, stayId, reason }) },
    cancelAdmission: { title: t('settlement.inpatient.cancelAdmission'), presets: [t('settlement.reason.admissionError'), t('settlement.reason.selfPay')], act: (reason, op) => api.inpatient.cancelAdmission({ operationId: op, stayId, reason }) },
  };

  return (
    <section className="settle-panel stay-view" data-testid="stay-view" data-state={stay?.state}>
      <header className="settle-panel-head">
        <h2>{stay ? t('settlement.inpatient.stay', { name: stay.patientName, iptNo: stay.iptNo }) : ''}</h2>
        <button type="button" onClick={onBack}>
          {t('settlement.inpatient.back')}（Esc）
        </button>
      </header>
      {stay && (
        <p>
          <strong data-testid="stay-state">{t(`settlement.inpatient.state.${stay.state}`)}</strong> · {stay.dept} {stay.bed} · {t('settlement.inpatient.uploaded', { n: stay.uploadedLines, amount: money(stay.unsettledFeesFen) })}
        </p>
      )}
      <Reveal when={busy}>{busy && <BudgetProgress operationId={operationId} title={busy} />}</Reveal>
      <Reveal when={error}>
        <ErrorOrFiling error={error} onClose={() => setError(undefined)} />
      </Reveal>
      {unsent && isQueueable(error) && (
        <QueueOffer
          what="fees"
          onQueue={() => api.inpatient.queueFees({ stayId, lines: unsent })}
          onDone={(q) => {
            setUnsent(undefined);
            setError(undefined);
            setLines([]);
            setPre(undefined);
            setQueued(q);
            load();
          }}
        />
      )}
      {queued && <QueuedBanner queued={queued} />}
      {notice && (
        <Notice level="success">
          <span data-testid="stay-notice">{notice}</span>
        </Notice>
      )}
      <Reveal when={result} block="start">
        {result && <SettleResultPanel result={result} onNext={onBack} />}
      </Reveal>

      {stay && (stay.state === 'admitted' || stay.state === 'discharged') && !result && (
        <>
          {detail.lines.length > 0 && (
            <>
              <h3>{t('settlement.inpatient.feeLines')}</h3>
              <table className="data-table" data-testid="stay-lines">
                <thead>
                  <tr>
                    <th>{t('settlement.lines.item')}</th>
                    <th className="num">{t('settlement.lines.quantity')}</th>
                    <th className="num">{t('settlement.lines.amount')}</th>
                    <th>{t('settlement.inpatient.col.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.lines.map((l) => (
                    <tr key={l.feedetlSn}>
                      <td>{l.name}</td>
                      <td className="num">{quantityText(l.quantity)}</td>
                      <td className="num money">{money(l.amountFen)}</td>
                      <td>{t(`settlement.inpatient.lineState.${l.cancelled ? 'cancelled' : l.settled ? 'settled' : 'open'}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {stay.state === 'admitted' && (
            <>
              <h3>{t('settlement.inpatient.upload')}</h3>
              <ItemSearch group="fee" label={t('settlement.lines.search')} testId="fee-search" onPick={(item) => setLines((ls) => addItem(ls, item))} />
              <FeeLineTable lines={lines} onChange={setLines} locked={busy !== undefined} />
              <div className="actions">
                <button type="button" className="primary" onClick={() => void upload()} disabled={busy !== undefined || lines.length === 0} data-testid="upload-fees">
                  {t('settlement.inpatient.upload')}
                </button>
                <button type="button" onClick={() => setDialog('cancelFees')} disabled={busy !== undefined || stay.unsettledFeesFen === 0} data-testid="cancel-fees">
                  {t('settlement.inpatient.cancelFees')}
                </button>
              </div>
              <h3>{t('settlement.inpatient.discharge')}</h3>
              <p className="field-hint">{t('settlement.inpatient.dischargeDiagnoses')}</p>
              <DiagnosisPicker diagnoses={dischargeDx} onAdd={(d) => !dischargeDx.some((x) => x.code === d.code) && setDischargeDx([...dischargeDx, d])} onRemove={(code) => setDischargeDx(dischargeDx.filter((d) => d.code !== code))} />
              <div className="actions">
                <button type="button" onClick={() => void discharge()} disabled={busy !== undefined} data-testid="discharge">
                  {t('settlement.inpatient.discharge')}
                </button>
                <button type="button" className="danger" onClick={() => setDialog('cancelAdmission')} disabled={busy !== undefined} data-testid="cancel-admission">
                  {t('settlement.inpatient.cancelAdmission')}
                </button>
              </div>
            </>
          )}
          {stay.state === 'discharged' && (
            <div className="actions">
              <button type="button" onClick={() => setDialog('cancelDischarge')} disabled={busy !== undefined} data-testid="cancel-discharge">
                {t('settlement.inpatient.cancelDischarge')}
              </button>
            </div>
          )}
          <h3>{t('settlement.settle')}</h3>
          {stay.state === 'admitted' && !midStay && <p className="field-hint">{t('settlement.inpatient.needDischarge')}</p>}
          <label className="acct-toggle">
            <input type="checkbox" checked={midStay} disabled={stay.state !== 'admitted'} onChange={(e) => (setMidStay(e.target.checked), setPre(undefined))} data-testid="mid-stay" /> {t('settlement.inpatient.midStay')}
          </label>
          <label className="acct-toggle">
            <input type="checkbox" checked={acctUsed} onChange={(e) => (setAcctUsed(e.target.checked), setPre(undefined))} data-testid="acct-used" /> {t('settlement.acctUsed')}
          </label>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void preSettle()} disabled={busy !== undefined} data-testid="pre-settle">
              {t('settlement.preSettle')} <kbd>F8</kbd>
            </button>
            <button type="button" className="primary" onClick={askConfirm} disabled={!canSettle} data-testid="settle">
              {t('settlement.settle')} <kbd>F9</kbd>/<kbd>Ctrl+Enter</kbd>
            </button>
          </div>
          <Reveal when={pre} block="start">
            {pre && <Breakdown figures={pre.figures} funds={pre.funds} lines={pre.lines} warnings={pre.warnings} testId="pre-breakdown" />}
          </Reveal>
        </>
      )}
      {confirming && pre && stay && <ConfirmSettleDialog figures={pre.figures} patientName={stay.patientName} onConfirm={() => void settle()} onClose={() => setConfirming(false)} />}
      {dialog && (
        <ReasonDialog
          title={reasonDialogs[dialog].title}
          presets={reasonDialogs[dialog].presets}
          confirmLabel={t('common.confirm')}
          onConfirm={async (reason) => {
            const op = crypto.randomUUID();
            await reasonDialogs[dialog].act(reason, op);
            setPre(undefined);
            setNotice(t('settlement.inpatient.done', { action: reasonDialogs[dialog].title }));
            load();
          }}
          onClose={() => setDialog(undefined)}
        />
      )}
    </section>
  );
}
