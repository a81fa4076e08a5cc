// Training mode: place a training patient's card on the virtual reader, show an e-voucher QR code
// or a sample drug code to the virtual scanner. Every action is a button (Tab + Enter).
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../bridge/api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';

type Patients = Awaited<ReturnType<typeof api.devices.trainingPatients>>;

export function TrainingPanel() {
  const t = useT();
  const [data, setData] = useState<Patients>();
  const [error, setError] = useState<unknown>();
  const [custom, setCustom] = useState('');

  const reload = useCallback(() => {
    api.devices.trainingPatients({}).then(setData).catch(setError);
  }, []);
  useEffect(reload, [reload]);

  async function run(action: () => Promise<unknown>): Promise<void> {
    setError(undefined);
    try {
      await action();
      reload();
    } catch (e) {
      setError(e);
    }
  }

  if (!data) return <ErrorBanner error={error} />;
  return (
    <section className="training-devices" aria-label={t('training.title')} data-testid="training-panel">
      <h2>{t('training.title')}</h2>
      <p className="field-hint">{t('training.hint')}</p>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('training.patient')}</th>
            <th>{t('training.idNumber')}</th>
            <th>{t('training.area')}</th>
            <th>{t('training.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {data.patients.map((p) => {
            const idOnReader = data.placed.idCard === p.idNumber;
            const ssOnReader = data.placed.ssCard === p.idNumber;
            return (
              <tr key={p.idNumber} data-testid={`training-patient-${p.idNumber}`}>
                <td>
                  {p.name}
                  {(idOnReader || ssOnReader) && <span className="mode-badge mode-badge-training"> {t('training.onReader')}</span>}
                </td>
                <td>{p.idNumber}</td>
                <td>{p.insuredArea}</td>
                <td className="row-actions">
                  {idOnReader ? (
                    <button type="button" onClick={() => void run(() => api.devices.removeTrainingCard({ medium: 'idCard' }))}>
                      {t('training.removeIdCard')}
                    </button>
                  ) : (
                    <button type="button" onClick={() => void run(() => api.devices.placeTrainingCard({ idNumber: p.idNumber, medium: 'idCard' }))}>
                      {t('training.placeIdCard')}
                    </button>
                  )}
                  <button type="button" onClick={() => void run(() => api.devices.showTrainingCode({ idNumber: p.idNumber }))}>
                    {t('training.showQr')}
                  </button>
                  {p.media.includes('ssCard') &&
                    (ssOnReader ? (
                      <button type="button" onClick={() => void run(() => api.devices.removeTrainingCard({ medium: 'ssCard' }))}>
                        {t('training.removeSsCard')}
                      </button>
                    ) : (
                      <button type="button" onClick={() => void run(() => api.devices.placeTrainingCard({ idNumber: p.idNumber, medium: 'ssCard' }))}>
                        {t('training.placeSsCard')}
                      </button>
                    ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t('training.drugCodes')}</h3>
      <ul className="shortcut-grid">
        {data.drugCodes.map((d) => (
          <li key={d.code}>
            <button type="button" className="shortcut" title={d.code} onClick={() => void run(() => api.devices.showTrainingCode({ code: d.code }))}>
              {t('training.scan')}：{d.name}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (custom.trim()) void run(() => api.devices.showTrainingCode({ code: custom.trim() }));
        }}
      >
        <Field label={t('training.customCode')}>{(id) => <input id={id} value={custom} onChange={(e) => setCustom(e.target.value)} maxLength={512} />}</Field>
        <button type="submit">{t('training.scanCustom')}</button>
      </form>
    </section>
  );
}
