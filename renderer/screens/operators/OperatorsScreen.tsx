// IT admin: operator accounts — create, reset password, unlock, disable.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Role } from '@src/contract/define';
import type { OperatorRow } from '@src/contract/methods/operators';
import { api } from '../../bridge/api';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';

const ROLES: Role[] = ['cashier', 'pharmacist', 'it_admin'];

export function OperatorsScreen() {
  const t = useT();
  const [rows, setRows] = useState<OperatorRow[]>([]);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [form, setForm] = useState({ username: '', displayName: '', role: 'cashier' as Role, password: '' });
  const [resetFor, setResetFor] = useState<OperatorRow>();
  const [newPassword, setNewPassword] = useState('');

  const reload = useCallback(() => {
    api.operators.list({}).then(setRows).catch(setError);
  }, []);
  useEffect(reload, [reload]);

  async function run(action: () => Promise<unknown>, message?: string): Promise<void> {
    setError(undefined);
    setNotice(undefined);
    try {
      await action();
      if (message) setNotice(message);
      reload();
    } catch (e) {
      setError(e);
    }
  }

  function create(e: FormEvent): void {
    e.preventDefault();
    void run(async () => {
      const created = await api.operators.create(form);
      setForm({ username: '', displayName: '', role: 'cashier', password: '' });
      return created;
    }, `${form.username} ✓`);
  }

  function stateOf(o: OperatorRow): string {
    if (o.disabled) return t('operators.state.disabled');
    if (o.lockedUntil && new Date(o.lockedUntil) > new Date()) return t('operators.state.locked');
    return t('operators.state.ok');
  }

  return (
    <section className="screen operators-screen">
      <h1>{t('operators.title')}</h1>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      {notice && <Notice level="success">{notice}</Notice>}
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('operators.username')}</th>
            <th>{t('operators.displayName')}</th>
            <th>{t('operators.role')}</th>
            <th>{t('operators.state')}</th>
            <th>{t('operators.lastLogin')}</th>
            <th>{t('operators.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id}>
              <td>{o.username}</td>
              <td>{o.displayName}</td>
              <td>{t(`role.${o.role}`)}</td>
              <td>{stateOf(o)}</td>
              <td>{o.lastLoginAt ? new Date(o.lastLoginAt).toLocaleString('zh-CN', { hour12: false }) : '—'}</td>
              <td className="row-actions">
                <button type="button" onClick={() => setResetFor(o)}>
                  {t('operators.resetPassword')}
                </button>
                {o.lockedUntil && (
                  <button type="button" onClick={() => void run(() => api.operators.unlock({ id: o.id }), `${o.username}: ${t('operators.unlock')} ✓`)}>
                    {t('operators.unlock')}
                  </button>
                )}
                <button type="button" onClick={() => void run(() => api.operators.setDisabled({ id: o.id, disabled: !o.disabled }))}>
                  {o.disabled ? t('operators.enable') : t('operators.disable')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {resetFor && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => api.operators.resetPassword({ id: resetFor.id, password: newPassword }), `${resetFor.username}: ${t('operators.resetPassword')} ✓`).then(() => {
              setResetFor(undefined);
              setNewPassword('');
            });
          }}
        >
          <Field label={t('operators.newPasswordPrompt', { username: resetFor.username })}>
            {(id) => <input id={id} type="password" autoFocus value={newPassword} onChange={(e) => setNewPassword(e.target.value)} />}
          </Field>
          <button type="submit" className="primary">
            {t('common.confirm')}
          </button>
          <button type="button" onClick={() => setResetFor(undefined)}>
            {t('common.cancel')}
          </button>
        </form>
      )}

      <form className="inline-form" onSubmit={create} aria-label={t('operators.create')}>
        <h2>{t('operators.create')}</h2>
        <div className="form-grid">
          <Field label={t('operators.username')}>{(id) => <input id={id} name="username" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />}</Field>
          <Field label={t('operators.displayName')}>{(id) => <input id={id} name="displayName" value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />}</Field>
          <Field label={t('operators.role')}>
            {(id) => (
              <select id={id} name="role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('operators.password')}>{(id) => <input id={id} name="password" type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />}</Field>
        </div>
        <button type="submit" className="primary">
          {t('operators.create')}
        </button>
      </form>
    </section>
  );
}
