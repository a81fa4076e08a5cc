// The operator's start page: greeting, hub sign-in problems, what the restart recovery did with the
// last run's unfinished settlements (its notice is emitted before any window exists, so the first
// operator signed in after a restart sees it here), and the functions of their role with F-keys.
import { routes, mayOpen } from '../../app/routes';
import { Notice } from '../../components/ErrorBanner';
import { RecoveryNotice } from '../../components/settlement/RecoveryNotice';
import { useT } from '../../i18n';
import { useNav } from '../../stores/nav-store';
import { useTerminal } from '../../stores/terminal-store';

export function HomeScreen() {
  const t = useT();
  const session = useTerminal((s) => s.session);
  const go = useNav((s) => s.go);
  const role = session?.operator?.role;
  const available = routes.filter((r) => r.id !== 'home' && mayOpen(r, role));
  return (
    <section className="screen home-screen">
      <h1>{t('home.welcome', { name: session?.operator?.displayName ?? '' })}</h1>
      {session?.hubSignInProblem && <Notice level="warning">{t('home.hubProblem', { problem: session.hubSignInProblem })}</Notice>}
      {role && <RecoveryNotice />}
      <h2>{t('home.shortcuts')}</h2>
      {available.length === 0 && <p>{t('home.noFeatures')}</p>}
      <div className="shortcut-grid">
        {available.map((r) => (
          <button key={r.id} type="button" className="shortcut" onClick={() => go(r.id)}>
            {r.fkey && <kbd>{r.fkey}</kbd>}
            <span>{t(r.title)}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
