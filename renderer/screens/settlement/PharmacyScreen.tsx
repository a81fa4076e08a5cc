// 药店购药 (med_type 41): identify the customer, scan drug package barcodes (or search), set the
// quantities, pre-settle (F8, 2101) and settle (F9 / Ctrl+Enter, 2102) on one screen, print the
// receipt (F10); refund (2103) from the result or from the history.
import { useRef, useState } from 'react';
import type { Medium } from '@src/contract/methods/devices';
import { api } from '../../bridge/api';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { BudgetProgress } from '../../components/settlement/BudgetProgress';
import { Breakdown } from '../../components/settlement/Breakdown';
import { ConfirmSettleDialog } from '../../components/settlement/ConfirmSettleDialog';
import { FeeLineTable } from '../../components/settlement/FeeLineTable';
import { toInputs } from '../../components/settlement/fee-lines';
import { FilingAdvice, isFilingRefusal } from '../../components/settlement/FilingAdvice';
import { ItemSearch } from '../../components/settlement/ItemSearch';
import { PatientPanel } from '../../components/settlement/PatientPanel';
import { RecoveryNotice } from '../../components/settlement/RecoveryNotice';
import { Reveal } from '../../components/settlement/Reveal';
import { SettleResultPanel } from '../../components/settlement/SettleResultPanel';
import { useCounterMedia } from '../../components/settlement/useCounterMedia';
import { useScanEnterGuard } from '../../components/settlement/useScanEnterGuard';
import { useScreenKeys } from '../../components/settlement/useScreenKeys';
import { useT } from '../../i18n';
import { usePatient } from '../../stores/settlement-patient';
import { usePharmacy } from '../../stores/settlement-pharmacy';
import { useTerminal } from '../../stores/terminal-store';

type Barcode = Extract<Medium, { kind: 'drugBarcode' }>;

export function PharmacyScreen() {
  const t = useT();
  const draft = usePharmacy();
  const kind = useTerminal((s) => s.info?.institutionKind);
  const { patient, insutype, clear: clearPatient } = usePatient();
  const [busy, setBusy] = useState<'pre' | 'settle' | undefined>();
  const [operationId, setOperationId] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [scanned, setScanned] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const settledView = draft.result !== undefined;
  const canSettle = Boolean(draft.pre) && !draft.stale && !busy && !settledView;

  async function onBarcode(m: Barcode): Promise<void> {
    if (usePharmacy.getState().result) return;
    setError(undefined);
    try {
      const item = await api.catalog.byBarcode({ barcode: m.gtin ?? m.code });
      if (!item) {
        setError({ message: t('settlement.pharmacy.unknownBarcode', { code: m.code }), hint: t('settlement.pharmacy.unknownBarcodeHint') });
        return;
      }
      usePharmacy.getState().addLine(item);
      setScanned(t('settlement.pharmacy.scanned', { name: item.name }));
    } catch (e) {
      setError(e);
    }
  }
  useScanEnterGuard();
  useCounterMedia({ onBarcode: (m) => void onBarcode(m), enabled: !settledView });

  async function next(): Promise<void> {
    if (draft.draftId !== undefined && !settledView) await api.pharmacy.discard({ draftId: draft.draftId }).catch(() => undefined);
    draft.reset();
    clearPatient();
    setError(undefined);
    setScanned(undefined);
  }

  async function preSettle(): Promise<void> {
    if (busy || settledView) return;
    setError(undefined);
    if (!patient) return setError({ message: t('settlement.need.patient'), hint: t('settlement.need.patientHint') });
    const checked = toInputs(draft.lines);
    if ('invalid' in checked) return setError({ message: t('settlement.need.lineInvalid', { name: checked.invalid.name }), hint: t('settlement.need.lineInvalidHint') });
    if (checked.inputs.length === 0) return setError({ message: t('settlement.need.lines'), hint: t('settlement.pharmacy.scanHint') });
    const op = crypto.randomUUID();
    setOperationId(op);
    setBusy('pre');
    try {
      const r = await api.pharmacy.preSettle({
        operationId: op,
        ...(draft.draftId !== undefined ? { draftId: draft.draftId } : {}),
        patientRef: patient.patientRef,
        insutype,
        lines: checked.inputs,
        acctUsed: draft.acctUsed,
      });
      draft.set({ draftId: r.draftId, pre: r, stale: false });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  }

  async function settle(): Promise<void> {
    setConfirming(false);
    if (!canSettle || draft.draftId === undefined) return;
    const op = crypto.randomUUID();
    setOperationId(op);
    setBusy('settle');
    setError(undefined);
    try {
      draft.set({ result: await api.pharmacy.settle({ operationId: op, draftId: draft.draftId }) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  }

  const askConfirm = (): void => {
    if (canSettle) setConfirming(true);
  };
  useScreenKeys({ F6: () => void next(), F7: () => search.current?.focus(), F8: () => void preSettle(), F9: askConfirm, 'Ctrl+Enter': askConfirm }, !confirming);

  return (
    <section className="screen settle-screen" data-testid="pharmacy-screen">
      <h1>{t('settlement.pharmacy.title')}</h1>
      {kind === 'hospital' && <Notice level="warning">{t('settlement.pharmacy.notPharmacy')}</Notice>}
      <RecoveryNotice />
      <div className="settle-grid">
        <PatientPanel locked={draft.draftId !== undefined} />
        {!settledView && (
          <section className="settle-panel" aria-label={t('settlement.lines.title')}>
            <h2>
              {t('settlement.lines.title')} <kbd>F7</kbd>
            </h2>
            <p className="field-hint">{t('settlement.pharmacy.scanHint')}</p>
            {scanned && (
              <p className="settle-scanned" role="status" data-testid="scanned">
                {scanned}
              </p>
            )}
            <ItemSearch group="drug" label={t('settlement.pharmacy.search')} testId="drug-search" inputRef={search} onPick={draft.addLine} />
          </section>
        )}
      </div>
      {!settledView && (
        <section className="settle-panel">
          <FeeLineTable lines={draft.lines} onChange={(lines) => draft.edit({ lines })} locked={busy !== undefined} />
          <label className="acct-toggle">
            <input type="checkbox" checked={draft.acctUsed} onChange={(e) => draft.edit({ acctUsed: e.target.checked })} data-testid="acct-used" /> {t('settlement.acctUsed')}
          </label>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void preSettle()} disabled={busy !== undefined} data-testid="pre-settle">
              {t('settlement.preSettle')} <kbd>F8</kbd>
            </button>
            <button type="button" className="primary" onClick={askConfirm} disabled={!canSettle} data-testid="settle">
              {t('settlement.settle')} <kbd>F9</kbd>/<kbd>Ctrl+Enter</kbd>
            </button>
            <button type="button" onClick={() => void next()} disabled={busy !== undefined} data-testid="next-patient">
              {t('settlement.pharmacy.discard')} <kbd>F6</kbd>
            </button>
          </div>
        </section>
      )}
      <Reveal when={busy}>{busy && <BudgetProgress operationId={operationId} title={busy === 'pre' ? t('settlement.progress.pre') : t('settlement.progress.settle')} />}</Reveal>
      <Reveal when={error}>{error !== undefined && (isFilingRefusal(error) ? <FilingAdvice error={error} /> : <ErrorBanner error={error} onClose={() => setError(undefined)} />)}</Reveal>
      {draft.stale && !settledView && <div className="banner banner-warning">{t('settlement.stale')}</div>}
      <Reveal when={draft.pre} block="start">{draft.pre && !settledView && <Breakdown figures={draft.pre.figures} funds={draft.pre.funds} lines={draft.pre.lines} warnings={draft.pre.warnings} testId="pre-breakdown" />}</Reveal>
      <Reveal when={draft.result} block="start">{draft.result && <SettleResultPanel result={draft.result} onNext={() => void next()} />}</Reveal>
      {confirming && draft.pre && patient && <ConfirmSettleDialog figures={draft.pre.figures} patientName={patient.name} onConfirm={() => void settle()} onClose={() => setConfirming(false)} />}
    </section>
  );
}
