// Diagnoses from the catalogue (1307 疾病与诊断, ICD-10 医保版): search, pick, remove.
import type { DiagnosisInput } from '@src/contract/methods/settlement';
import { useT } from '../../i18n';
import { ItemSearch } from './ItemSearch';

export function DiagnosisPicker({ diagnoses, onAdd, onRemove, locked = false }: { diagnoses: DiagnosisInput[]; onAdd: (d: DiagnosisInput) => void; onRemove: (code: string) => void; locked?: boolean }) {
  const t = useT();
  return (
    <div className="diagnosis-picker">
      {!locked && <ItemSearch group="diagnosis" label={t('settlement.visit.diagnosisSearch')} testId="diagnosis-search" onPick={(item) => onAdd({ code: item.code, name: item.name })} />}
      <ul className="diagnosis-list" data-testid="diagnoses">
        {diagnoses.length === 0 && <li className="field-hint">{t('settlement.visit.noDiagnosis')}</li>}
        {diagnoses.map((d, i) => (
          <li key={d.code} className="settle-tag">
            {i === 0 && <strong>{t('settlement.visit.main')} </strong>}
            {d.name} <span className="mono">{d.code}</span>
            {!locked && (
              <button type="button" className="link" onClick={() => onRemove(d.code)} aria-label={t('settlement.visit.removeDiagnosis', { name: d.name })}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
