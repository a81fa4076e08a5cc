// Operator sign-in. In training mode the training accounts are shown, and anything that could not
// start (missing capabilities) is listed so nobody is left guessing.
import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';
import { useTerminal } from '../../stores/terminal-store';

export function LoginScreen() {
  const t = useT();
  const { info, login } = useTerminal();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(username, password);
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <form className="login-card" onSubmit={submit} aria-label={t('login.title')}>
        <h1>{t('app.title')}</h1>
        {info && (
          <div className="login-institution">
            {info.institutionName}（{info.institutionCode}） · {info.mode === 'training' ? t('mode.training') : t('mode.live')}
          </div>
        )}
        <h2>{t('login.title')}</h2>
        <ErrorBanner error={error} />
        <Field label={t('login.username')}>
          {(id) => <input id={id} name="username" autoFocus autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />}
        </Field>
        <Field label={t('login.password')}>
          {(id) => <input id={id} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <button type="submit" className="primary big" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
        {info && info.trainingAccounts.length > 0 && (
          <div className="training-accounts">
            <h3>{t('login.trainingAccounts')}</h3>
            <table>
              <tbody>
                {info.trainingAccounts.map((a) => (
                  <tr key={a.username}>
                    <td>{a.role}</td>
                    <td>
                      <code>{a.username}</code>
                    </td>
                    <td>
                      <code>{a.password}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {info && info.missing.length > 0 && (
          <div className="banner banner-warning" data-testid="missing">
            <strong>{t('login.missing')}</strong>
            <ul>
              {info.missing.map((m) => (
                <li key={m.capability}>{m.reason}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="login-version">
          {info?.appName} {info?.version}
        </div>
      </form>
    </div>
  );
}
