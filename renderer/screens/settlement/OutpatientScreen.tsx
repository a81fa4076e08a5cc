// 门诊结算 (med_type 11 普通门诊, 13 急诊, 14 门诊慢特病): identify the patient, diagnoses and fee
// lines from the catalogue, pre-settle (F8: 2201 → 2203 → 2204 → 2206 under one budget) and read
// the breakdown, confirm the cash (F9 or Ctrl+Enter) and settle (2207), print the receipt (F10).
// Before settling the visit can be cancelled with a reason (2205/2202); afterwards refunded (2208).
import { useRef, useState } from 'react';
import { api } from '../../bridge/api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { BudgetProgress } from '../../components/settlement/BudgetProgress';
import { Breakdown } from '../../components/settlement/Breakdown';
import { ConfirmSettleDialog } from '../../components/settlement/ConfirmSettleDialog';
import { DiagnosisPicker } from '../../components/settlement/DiagnosisPicker';
import { FeeLineTable } from '../../components/settlement/FeeLineTable';
import { toInputs } from '../../components/settlement/fee-lines';
import { FilingAdvice, isFilingRefusal } from '../../components/settlement/FilingAdvice';
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
import { OfflineOffer } from '../offline/OfflineOffer'; // offline mode (issue 8)
import { useOutpatient, type OutpatientMedType } from '../../stores/settlement-outpatient';
import { usePatient } from '../../stores/settlement-patient';
import { DEPARTMENTS, department } from './departments';

const MED_TYPES: readonly OutpatientMedType[] = ['11', '13', '14'];

export function OutpatientScreen() {
  const t = useT();
  const visit = useOutpatient();
  const { patient, insutype, clear: clearPatient } = usePatient();
  const [busy, setBusy] = useState<'pre' | 'settle' | undefined>();
  const [operationId, setOperationId] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [confirming, setConfirming] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const feeSearch = useRef<HTMLInputElement>(null);
  const registered = visit.visitId !== undefined;
  const settledView = visit.result !== undefined;
  useScanEnterGuard();
  useCounterMedia({ enabled: !registered && !settledView });

  const validChronic = patient?.chronic.filter((c) => c.validToday) ?? [];
  const canSettle = Boolean(visit.pre) && !visit.stale && !busy && !settledView;

  function next(): void {
    if (registered && !settledView) {
      setCancelling(true);
      return;
    }
    visit.reset();
    clearPatient();
    setError(undefined);
  }

  async function preSettle(): Promise<void> {
    if (busy || settledView) return;
    setError(undefined);
    if (!patient) return setError({ message: t('settlement.need.patient'), hint: t('settlement.need.patientHint') });
    if (visit.diagnoses.length === 0) return setError({ message: t('settlement.need.diagnosis'), hint: t('settlement.need.diagnosisHint') });
    if (visit.medType === '14' && !visit.chronicCode) return setError({ message: t('settlement.need.chronic'), hint: t('settlement.need.chronicHint') });
    const checked = toInputs(visit.lines);
    if ('invalid' in checked) return setError({ message: t('settlement.need.lineInvalid', { name: checked.invalid.name }), hint: t('settlement.need.lineInvalidHint') });
    if (checked.inputs.length === 0) return setError({ message: t('settlement.need.lines'), hint: t('settlement.need.linesHint') });
    const op = crypto.randomUUID();
    setOperationId(op);
    setBusy('pre');
    try {
      const dept = department(visit.deptCode);
      const r = await api.outpatient.preSettle({
        operationId: op,
        ...(visit.visitId !== undefined ? { visitId: visit.visitId } : {}),
        patientRef: patient.patientRef,
        insutype,
        medType: visit.medType,
        ...(visit.medType === '14' ? { chronicCode: visit.chronicCode } : {}),
        diagnoses: visit.diagnoses,
        ...(dept ? { dept } : {}),
        ...(visit.doctorName.trim() ? { doctor: { code: '', name: visit.doctorName.trim() } } : {}),
        lines: checked.inputs,
        acctUsed: visit.acctUsed,
      });
      visit.set({ visitId: r.visitId, mdtrtId: r.mdtrtId, pre: r, stale: false });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  }

  async function settle(): Promise<void> {
    setConfirming(false);
    if (!canSettle || visit.visitId === undefined) return;
    const op = crypto.randomUUID();
    setOperationId(op);
    setBusy('settle');
    setError(undefined);
    try {
      const result = await api.outpatient.settle({ operationId: op, visitId: visit.visitId });
      visit.set({ result });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  }

  async function cancelVisit(reason: string): Promise<void> {
    if (visit.visitId === undefined) return;
    await api.outpatient.cancel({ visitId: visit.visitId, reason, operationId: crypto.randomUUID() });
    visit.reset();
    clearPatient();
  }

  const askConfirm = (): void => {
    if (canSettle) setConfirming(true);
  };
  useScreenKeys(
    {
      F6: next,
      F7: () => feeSearch.current?.focus(),
      F8: () => void preSettle(),
      F9: askConfirm,
      'Ctrl+Enter': askConfirm,
    },
    !confirming && !cancelling,
  );

  return (
    <section className="screen settle-screen" data-testid="outpatient-screen">
      <h1>{t('settlement.outpatient.title')}</h1>
      <RecoveryNotice />
      <div className="settle-grid">
        <PatientPanel locked={registered} />
        <section className="settle-panel" aria-label={t('settlement.visit.title')}>
          <h2>{t('settlement.visit.title')}</h2>
          <div className="form-grid">
            <Field label={t('settlement.visit.medType')}>
              {(id) => (
                <select id={id} value={visit.medType} disabled={registered} onChange={(e) => visit.set({ medType: e.target.value as OutpatientMedType })}>
                  {MED_TYPES.map((m) => (
                    <option key={m} value={m}>
                      {t(`settlement.medType.${m}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {visit.medType === '14' && (
              <Field label={t('settlement.visit.chronic')} hint={validChronic.length === 0 ? t('settlement.visit.noChronic') : undefined}>
                {(id) => (
                  <select id={id} value={visit.chronicCode} disabled={registered} onChange={(e) => visit.set({ chronicCode: e.target.value })}>
                    <option value="">{t('settlement.visit.chooseChronic')}</option>
                    {validChronic.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}（{c.code}）
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <Field label={t('settlement.visit.dept')}>
              {(id) => (
                <select id={id} value={visit.deptCode} disabled={registered} onChange={(e) => visit.set({ deptCode: e.target.value })}>
                  {DEPARTMENTS.map((d) => (
                    <option key={d.code} value={d.code}>
                      {d.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('settlement.visit.doctor')}>{(id) => <input id={id} value={visit.doctorName} disabled={registered} maxLength={50} onChange={(e) => visit.set({ doctorName: e.target.value })} />}</Field>
          </div>
          <DiagnosisPicker
            diagnoses={visit.diagnoses}
            locked={registered}
            onAdd={visit.addDiagnosis}
            onRemove={(code) => visit.set({ diagnoses: visit.diagnoses.filter((d) => d.code !== code) })}
          />
          {registered && !settledView && <p className="field-hint">{t('settlement.visit.registered', { mdtrtId: visit.mdtrtId })}</p>}
        </section>
      </div>

      {!settledView && (
        <section className="settle-panel" aria-label={t('settlement.lines.title')}>
          <h2>
            {t('settlement.lines.title')} <kbd>F7</kbd>
          </h2>
          <ItemSearch group="fee" label={t('settlement.lines.search')} testId="fee-search" inputRef={feeSearch} onPick={visit.addLine} />
          <FeeLineTable lines={visit.lines} onChange={(lines) => visit.edit({ lines })} locked={busy !== undefined} />
          <label className="acct-toggle">
            <input type="checkbox" checked={visit.acctUsed} onChange={(e) => visit.edit({ acctUsed: e.target.checked })} data-testid="acct-used" /> {t('settlement.acctUsed')}
          </label>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void preSettle()} disabled={busy !== undefined} data-testid="pre-settle">
              {t('settlement.preSettle')} <kbd>F8</kbd>
            </button>
            <button type="button" className="primary" onClick={askConfirm} disabled={!canSettle} data-testid="settle">
              {t('settlement.settle')} <kbd>F9</kbd>/<kbd>Ctrl+Enter</kbd>
            </button>
            <button type="button" onClick={next} disabled={busy !== undefined} data-testid="next-patient">
              {registered ? t('settlement.cancelVisit') : t('settlement.clear')} <kbd>F6</kbd>
            </button>
          </div>
        </section>
      )}

      <Reveal when={busy}>{busy && <BudgetProgress operationId={operationId} title={busy === 'pre' ? t('settlement.progress.pre') : t('settlement.progress.settle')} />}</Reveal>
      <Reveal when={error}>{error !== undefined && (isFilingRefusal(error) ? <FilingAdvice error={error} /> : <ErrorBanner error={error} onClose={() => setError(undefined)} />)}</Reveal>
      {/* Offline mode (issue 8): hub unreachable and nothing sent → offer 延时结算 with these lines. */}
      <OfflineOffer error={error} registered={registered} lines={visit.lines} />
      {visit.stale && !settledView && <div className="banner banner-warning">{t('settlement.stale')}</div>}
      <Reveal when={visit.pre} block="start">{visit.pre && !settledView && <Breakdown figures={visit.pre.figures} funds={visit.pre.funds} lines={visit.pre.lines} warnings={visit.pre.warnings} testId="pre-breakdown" />}</Reveal>
      <Reveal when={visit.result} block="start">{visit.result && <SettleResultPanel result={visit.result} onNext={next} />}</Reveal>

      {confirming && visit.pre && patient && <ConfirmSettleDialog figures={visit.pre.figures} patientName={patient.name} onConfirm={() => void settle()} onClose={() => setConfirming(false)} />}
      {cancelling && (
        <ReasonDialog
          title={t('settlement.cancel.title')}
          presets={[t('settlement.reason.patientLeft'), t('settlement.reason.wrongEntry'), t('settlement.reason.selfPay')]}
          confirmLabel={t('settlement.cancel.confirm')}
          onConfirm={cancelVisit}
          onClose={() => setCancelling(false)}
        />
      )}
    </section>
  );
}

