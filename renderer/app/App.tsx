// The shell: login, then the menu of the operator's screens, the status bar, the idle lock.
import { useEffect, useMemo, useState } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { useHotkeys, type HotkeyMap } from '../components/useHotkeys';
import { useT } from '../i18n';
import { useDeviceInput } from '../screens/devices/useDeviceInput';
import { LoginScreen } from '../screens/login/LoginScreen';
import { useNav } from '../stores/nav-store';
import { useTerminal } from '../stores/terminal-store';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { LockScreen } from './LockScreen';
import { mayOpen, routes } from './routes';
import { StatusBar } from './StatusBar';
import { useIdleLock } from './useIdleLock';

export function App() {
  const t = useT();
  const { info, session, hostProblem, load, logout, lock } = useTerminal();
  const { route, go } = useNav();
  const [changingPassword, setChangingPassword] = useState(false);
  useEffect(() => void load(), [load]);
  useIdleLock();

  const role = session?.operator?.role;
  const signedIn = Boolean(session?.signedIn);
  const hotkeys = useMemo<HotkeyMap>(() => {
    const map: HotkeyMap = { 'Ctrl+L': () => void lock() };
    for (const r of routes) if (r.fkey && mayOpen(r, role)) map[r.fkey] = () => go(r.id);
    return map;
  }, [role, go, lock]);
  useHotkeys(hotkeys, signedIn && !session?.locked);
  // Keyboard-wedge scanners and card reads reach every screen (docs/devices.md).
  useDeviceInput(signedIn && !session?.locked);

  if (hostProblem) {
    return (
      <div className="login-page">
        <div className="login-card">
          <h1>{t('app.title')}</h1>
          <ErrorBanner error={hostProblem} />
        </div>
      </div>
    );
  }
  if (!info || !session) return <div className="loading">{t('common.loading')}</div>;
  if (!session.signedIn) return <LoginScreen />;

  const current = routes.find((r) => r.id === route);
  const Screen = current?.component;
  const allowed = current ? mayOpen(current, role) : false;

  return (
    <div className={`app-shell mode-${info.mode}`}>
      <header className="app-header">
        <span className="app-title">{t('app.title')}</span>
        <span className="app-institution">
          {info.institutionName}（{info.institutionCode}） · 终端 {info.terminalId}
        </span>
        <span className={`mode-badge mode-badge-${info.mode}`} data-testid="mode-badge">
          {info.mode === 'training' ? t('mode.training') : t('mode.live')}
        </span>
        <span className="header-actions">
          <button type="button" onClick={() => setChangingPassword(true)}>
            {t('password.change')}
          </button>
          <button type="button" onClick={() => void lock()}>
            {t('nav.lock')}
          </button>
          <button type="button" onClick={() => void logout()}>
            {t('nav.logout')}
          </button>
        </span>
      </header>
      {info.mode === 'training' && <div className="training-banner">{t('mode.trainingBanner')}</div>}
      <div className="app-body">
        <nav className="app-nav" aria-label="menu">
          {(['counter', 'admin'] as const).map((group) => (
            <ul key={group}>
              {routes
                .filter((r) => r.group === group && mayOpen(r, role))
                .map((r) => (
                  <li key={r.id}>
                    <button type="button" className={r.id === route ? 'active' : ''} onClick={() => go(r.id)} aria-current={r.id === route ? 'page' : undefined}>
                      <span>{t(r.title)}</span>
                      {r.fkey && <kbd>{r.fkey}</kbd>}
                    </button>
                  </li>
                ))}
            </ul>
          ))}
        </nav>
        <main className="app-main">
          {!current && <ErrorBanner error={{ message: t('nav.notFound') }} />}
          {current && !allowed && (
            <div className="banner banner-error" role="alert" data-testid="forbidden">
              <div className="banner-message">{t('nav.forbidden', { screen: t(current.title) })}</div>
              <div className="banner-hint">{t('nav.forbiddenHint')}</div>
            </div>
          )}
          {current && allowed && Screen && <Screen />}
        </main>
      </div>
      <StatusBar />
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
      {session.locked && <LockScreen />}
    </div>
  );
}
