// Shown over everything when the session is locked (idle or Ctrl+L). Only the same operator's
// password unlocks; anyone else signs out first.
import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { useT } from '../i18n';
import { useTerminal } from '../stores/terminal-store';

export function LockScreen() {
  const t = useT();
  const { session, unlock, logout } = useTerminal();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    try {
      await unlock(password);
    } catch (err) {
      setError(err);
      setPassword('');
    }
  }

  return (
    <div className="lock-overlay" role="dialog" aria-modal="true" aria-label={t('lock.title')}>
      <form className="login-card" onSubmit={submit}>
        <h2>{t('lock.title')}</h2>
        {session?.operator && <p>{t('lock.who', { name: session.operator.displayName, username: session.operator.username })}</p>}
        <ErrorBanner error={error} />
        <Field label={t('login.password')}>
          {(id) => <input id={id} type="password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <button type="submit" className="primary big">
          {t('lock.unlock')}
        </button>
        <button type="button" className="link" onClick={() => void logout()}>
          {t('lock.switchUser')}
        </button>
      </form>
    </div>
  );
}
