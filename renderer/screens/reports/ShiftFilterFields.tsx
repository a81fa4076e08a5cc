// IT admins only: whose shift (operator picker from `operators.list`) and which window (China
// date-time fields). Enter in any field submits, so the whole filter works without a mouse.
import { useEffect, useState, type FormEvent } from 'react';
import type { OperatorRow } from '@src/contract/methods/operators';
import { api } from '../../bridge/api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';
import { chinaMidnightToday, type ShiftFilter } from './shift-query';

export function ShiftFilterFields({ value, onChange, onSubmit, self }: { value: ShiftFilter; onChange: (next: ShiftFilter) => void; onSubmit: () => void; self: string }) {
  const t = useT();
  const [operators, setOperators] = useState<OperatorRow[]>([]);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api.operators
      .list({})
      .then((rows) => setOperators([...rows].sort((a, b) => a.username.localeCompare(b.username))))
      .catch(setError);
  }, []);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} data-testid="shift-filter">
      <ErrorBanner error={error} />
      <div className="form-grid">
        <Field label={t('reports.pickOperator')}>
          {(id) => (
            <select id={id} value={value.operator || self} onChange={(e) => onChange({ ...value, operator: e.target.value === self ? '' : e.target.value })}>
              {!operators.some((o) => o.username === self) && <option value={self}>{t('reports.self', { username: self })}</option>}
              {operators.map((o) => (
                <option key={o.username} value={o.username}>
                  {o.displayName}（{o.username}）{o.disabled ? ` ${t('reports.disabledOperator')}` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('reports.from')} hint={t('reports.fromHint')}>
          {(id) => <input id={id} type="datetime-local" value={value.from} onChange={(e) => onChange({ ...value, from: e.target.value })} />}
        </Field>
        <Field label={t('reports.to')} hint={t('reports.toHint')}>
          {(id) => <input id={id} type="datetime-local" value={value.to} onChange={(e) => onChange({ ...value, to: e.target.value })} />}
        </Field>
      </div>
      <div className="actions">
        <button type="button" onClick={() => onChange({ ...value, from: chinaMidnightToday(), to: '' })} data-testid="shift-today">
          {t('reports.today')}
        </button>
        <button type="button" onClick={() => onChange({ ...value, from: '', to: '' })}>
          {t('reports.currentShift')}
        </button>
        <button type="submit" className="primary" data-testid="shift-load">
          {t('reports.load')} <kbd>F6</kbd>
        </button>
      </div>
    </form>
  );
}
