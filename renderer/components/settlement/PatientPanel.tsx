// The patient panel, shared by every counter screen: waits for a card, ID card or e-voucher (or a
// typed ID number with a reason), identifies the patient (1101) and shows what the cashier must
// check before billing: name, masked ID, insured area, insurance (choose when several), account
// balance, cross-province filing and chronic-disease filings. Problems come with what to do next.
import { useEffect, useState } from 'react';
import type { Patient } from '@src/contract/methods/settlement';
import { ErrorBanner } from '../ErrorBanner';
import { Field } from '../Field';
import { useT } from '../../i18n';
import { usePatient, type TypedReason } from '../../stores/settlement-patient';
import { money } from './format';

const REASONS: readonly TypedReason[] = ['noCard', 'readerFault', 'other'];

export function PatientPanel({ locked = false }: { locked?: boolean }) {
  const t = useT();
  const { patient, insutype, busy, error, source, identify, chooseInsutype, clear } = usePatient();
  const [typing, setTyping] = useState(false);
  const [idNumber, setIdNumber] = useState('');
  const [reason, setReason] = useState<TypedReason>('noCard');
  const [other, setOther] = useState('');
  const [formError, setFormError] = useState<unknown>();

  // A patient identified from a card or a scan while the typed form is open closes the form, and
  // what its field held is dropped (e.g. the part of a scanned e-voucher code that the field's
  // 18-character limit kept, which the device layer cannot take out again).
  useEffect(() => {
    if (!patient) return;
    setTyping(false);
    setIdNumber('');
  }, [patient]);

  async function submitTyped(): Promise<void> {
    setFormError(undefined);
    const reasonText = reason === 'other' ? other.trim() : t(`settlement.patient.reason.${reason}`);
    if (reason === 'other' && reasonText.length < 2) {
      setFormError({ message: t('settlement.patient.reasonMissing'), hint: t('settlement.patient.reasonMissingHint') });
      return;
    }
    const found = await identify({ certType: '02', certNo: idNumber.trim().toUpperCase(), typedReason: reasonText }, 'typed');
    if (found) {
      setTyping(false);
      setIdNumber('');
      setOther('');
    }
  }

  return (
    <section className="settle-panel patient-panel" aria-label={t('settlement.patient.title')} data-testid="patient-panel">
      <header className="settle-panel-head">
        <h2>{t('settlement.patient.title')}</h2>
        {patient && !locked && (
          <button type="button" onClick={clear} data-testid="patient-clear">
            {t('settlement.patient.next')}
          </button>
        )}
      </header>
      {!patient && !busy && !typing && (
        <div className="patient-waiting" data-testid="patient-waiting">
          <p className="patient-waiting-text">{t('settlement.patient.waiting')}</p>
          <button type="button" onClick={() => setTyping(true)} data-testid="patient-type">
            {t('settlement.patient.typeId')}
          </button>
        </div>
      )}
      {busy && <p className="patient-waiting-text" role="status">{t('settlement.patient.identifying')}</p>}
      <ErrorBanner error={error} onClose={() => usePatient.setState({ error: undefined })} />
      {typing && !patient && (
        <form
          className="patient-typed"
          onSubmit={(e) => {
            e.preventDefault();
            void submitTyped();
          }}
        >
          <div className="form-grid">
            <Field label={t('settlement.patient.idNumber')}>
              {(id) => <input id={id} value={idNumber} onChange={(e) => setIdNumber(e.target.value)} maxLength={18} autoFocus autoComplete="off" />}
            </Field>
            <Field label={t('settlement.patient.reason')}>
              {(id) => (
                <select id={id} value={reason} onChange={(e) => setReason(e.target.value as TypedReason)}>
                  {REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`settlement.patient.reason.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {reason === 'other' && (
              <Field label={t('settlement.patient.reasonText')}>{(id) => <input id={id} value={other} onChange={(e) => setOther(e.target.value)} maxLength={200} />}</Field>
            )}
          </div>
          <ErrorBanner error={formError} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('settlement.patient.identify')}
            </button>
            <button type="button" onClick={() => setTyping(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {patient && <PatientDetails patient={patient} insutype={insutype} source={source} locked={locked} onChoose={chooseInsutype} />}
    </section>
  );
}

function PatientDetails({ patient, insutype, source, locked, onChoose }: { patient: Patient; insutype: string; source: string | undefined; locked: boolean; onChoose: (i: string) => void }) {
  const t = useT();
  const chosen = patient.insurances.find((i) => i.insutype === insutype);
  const filingLevel = patient.filing.state === 'referralExpired' ? 'error' : patient.filing.state === 'checkedAtVisit' ? 'info' : 'success';
  return (
    <div className="patient-details" data-testid="patient-details">
      <div className="patient-identity">
        <span className="patient-name" data-testid="patient-name">
          {patient.name}
        </span>
        <span>{patient.gender === '1' ? t('settlement.patient.male') : patient.gender === '2' ? t('settlement.patient.female') : ''}</span>
        {patient.age !== null && <span>{t('settlement.patient.age', { age: patient.age })}</span>}
        <span className="mono" data-testid="patient-id">
          {patient.idMasked}
        </span>
        {source && <span className="settle-tag">{t(`settlement.patient.source.${source === 'typed' ? 'typed' : source === 'eVoucher' ? 'eVoucher' : source === 'ssCard' ? 'ssCard' : 'idCard'}`)}</span>}
        {patient.crossProvince && <span className="settle-tag settle-tag-cross">{t('settlement.patient.crossProvince')}</span>}
      </div>
      {patient.insurances.length > 1 ? (
        <fieldset className="insurance-choice" disabled={locked}>
          <legend>{t('settlement.patient.chooseInsurance')}</legend>
          {patient.insurances.map((i) => (
            <label key={i.insutype} className="insurance-option">
              <input type="radio" name="insutype" value={i.insutype} checked={i.insutype === insutype} onChange={() => onChoose(i.insutype)} />
              {i.insutypeName}（{i.insuredAreaName}）{!i.active && <strong className="settle-bad"> {t('settlement.patient.inactive')}</strong>}
            </label>
          ))}
        </fieldset>
      ) : null}
      {chosen && (
        <dl className="patient-facts">
          <dt>{t('settlement.patient.insutype')}</dt>
          <dd data-testid="patient-insutype">
            {chosen.insutypeName} · {chosen.psnTypeName}
          </dd>
          <dt>{t('settlement.patient.area')}</dt>
          <dd data-testid="patient-area">
            {chosen.insuredAreaName}（{chosen.insuredArea}）
          </dd>
          <dt>{t('settlement.patient.balance')}</dt>
          <dd className="money" data-testid="patient-balance">
            {money(chosen.balanceFen)}
          </dd>
          <dt>{t('settlement.patient.status')}</dt>
          <dd>{chosen.active ? t('settlement.patient.active') : <strong className="settle-bad">{t('settlement.patient.inactive')}</strong>}</dd>
        </dl>
      )}
      <div className={`banner banner-${filingLevel}`} data-testid="patient-filing" data-state={patient.filing.state}>
        <div className="banner-message">
          {t('settlement.patient.filing')}：{patient.filing.label}
          {patient.filing.begin && ` ${t('settlement.patient.validity', { begin: patient.filing.begin, end: patient.filing.end ?? t('settlement.patient.untilRevoked') })}`}
        </div>
        {patient.filing.hint && <div className="banner-hint">{patient.filing.hint}</div>}
      </div>
      {patient.chronic.length > 0 && (
        <div className="patient-chronic" data-testid="patient-chronic">
          <strong>{t('settlement.patient.chronic')}：</strong>
          {patient.chronic.map((c) => (
            <span key={c.code} className={`settle-tag ${c.validToday ? '' : 'settle-tag-bad'}`}>
              {c.name}（{c.code}）{c.validToday ? '' : t('settlement.patient.chronicInvalid')}
            </span>
          ))}
        </div>
      )}
      {patient.warnings.map((w) => (
        <div key={w} className="banner banner-warning" role="status">
          {w}
        </div>
      ))}
    </div>
  );
}
