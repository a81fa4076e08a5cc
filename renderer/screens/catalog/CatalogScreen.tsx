// The catalogue screen for IT admins (docs/catalog.md): each catalogue's version, rows and last
// sync; sync (F5) with a live progress bar (rows, %, rate, ETA), cancel (Esc), integrity check
// (F6), rebuild; what the last run skipped as invalid, line by line; and a search box to try the
// cache the way the counter uses it.
import { useCallback, useEffect, useState } from 'react';
import type { CatalogItem, CatalogStatus, IntegrityResult, SyncProgress } from '@src/contract/methods/catalog';
import { api, subscribe } from '../../bridge/api';
import { CatalogSearchBox } from '../../components/catalog-search';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { useHotkeys } from '../../components/useHotkeys';
import { useT } from '../../i18n';
import { SyncProgressBar } from './SyncProgressBar';

function when(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—';
}

export function CatalogScreen() {
  const t = useT();
  const [status, setStatus] = useState<CatalogStatus>();
  const [progress, setProgress] = useState<SyncProgress>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [checking, setChecking] = useState(false);
  const [integrity, setIntegrity] = useState<IntegrityResult>();
  const [picked, setPicked] = useState<CatalogItem>();

  const reload = useCallback(() => {
    api.catalog
      .status({})
      .then((s) => {
        setStatus(s);
        if (s.progress) setProgress(s.progress);
      })
      .catch(setError);
  }, []);

  useEffect(() => {
    reload();
    return subscribe('catalog.syncProgress', (p) => {
      setProgress(p);
      if (p.phase === 'done' || p.phase === 'failed' || p.phase === 'cancelled') reload();
    });
  }, [reload]);

  // The last progress event says whether a run is going; the status says whether the sync as a
  // whole (which may hold two runs and the training lists) still is.
  const runGoing = progress !== undefined && !['done', 'failed', 'cancelled'].includes(progress.phase);
  const syncing = status?.syncing === true || runGoing;

  // A sync finishes a moment after its last progress event: look again until the host says so.
  useEffect(() => {
    if (!status?.syncing || runGoing) return;
    const timer = window.setTimeout(reload, 1000);
    return () => window.clearTimeout(timer);
  }, [status, runGoing, reload]);

  const sync = useCallback(
    async (full: boolean) => {
      setError(undefined);
      setNotice(undefined);
      try {
        const r = await api.catalog.sync({ full });
        setNotice(t('catalog.syncStarted', { runId: r.runId, resumed: r.resumed ? t('catalog.resumed') : '' }));
        reload();
      } catch (e) {
        setError(e);
      }
    },
    [reload, t],
  );

  const cancel = useCallback(async () => {
    try {
      await api.catalog.cancelSync({});
    } catch (e) {
      setError(e);
    }
  }, []);

  const check = useCallback(async () => {
    setError(undefined);
    setChecking(true);
    try {
      setIntegrity(await api.catalog.checkIntegrity({}));
      reload();
    } catch (e) {
      setError(e);
    } finally {
      setChecking(false);
    }
  }, [reload]);

  const rebuild = useCallback(async () => {
    if (!window.confirm(t('catalog.rebuildConfirm'))) return;
    setError(undefined);
    try {
      const r = await api.catalog.rebuild({});
      setNotice(t('catalog.syncStarted', { runId: r.runId, resumed: '' }));
      reload();
    } catch (e) {
      setError(e);
    }
  }, [reload, t]);

  useHotkeys({
    F5: () => void (syncing ? undefined : sync(false)),
    F6: () => void (checking ? undefined : check()),
  });

  const shownIntegrity = integrity ?? status?.integrity;
  const run = status?.lastRun;

  return (
    <section className="screen catalog-screen" data-testid="catalog-screen">
      <h1>{t('catalog.title')}</h1>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      {notice && <Notice level="success">{notice}</Notice>}
      {status && (
        <p data-testid="catalog-summary">
          {t('catalog.summary', { rows: status.totalRows, version: status.version || t('catalog.never'), local: status.localItems, barcodes: status.barcodes })}
        </p>
      )}

      <div className="actions">
        <button type="button" className="primary" disabled={syncing} onClick={() => void sync(false)}>
          {t('catalog.sync')} <kbd>F5</kbd>
        </button>
        <button type="button" disabled={syncing} onClick={() => void sync(true)}>
          {t('catalog.syncFull')}
        </button>
        {syncing && (
          <button type="button" className="danger" onClick={() => void cancel()}>
            {t('catalog.cancel')}
          </button>
        )}
        <button type="button" disabled={checking} onClick={() => void check()}>
          {t('catalog.check')} <kbd>F6</kbd>
        </button>
        <button type="button" disabled={syncing} onClick={() => void rebuild()}>
          {t('catalog.rebuild')}
        </button>
      </div>

      {progress && <SyncProgressBar progress={progress} />}
      {status?.resumable && !syncing && <Notice level="warning">{t('catalog.resumable')}</Notice>}
      {checking && <Notice>{t('catalog.integrity.running')}</Notice>}
      {shownIntegrity && !checking && (
        <div data-testid="catalog-integrity">
          {shownIntegrity.ok ? (
            <Notice level="success">{t('catalog.integrity.ok', { at: when(shownIntegrity.checkedAt), ms: shownIntegrity.tookMs })}</Notice>
          ) : (
            <div className="banner banner-error" role="alert">
              <div className="banner-message">{t('catalog.integrity.bad', { at: when(shownIntegrity.checkedAt) })}</div>
              <ul>
                {shownIntegrity.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}

      {status && (
        <table className="data-table" data-testid="catalog-table">
          <thead>
            <tr>
              <th>{t('catalog.col.infno')}</th>
              <th>{t('catalog.col.title')}</th>
              <th className="num">{t('catalog.col.rows')}</th>
              <th>{t('catalog.col.version')}</th>
              <th>{t('catalog.col.syncedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {status.catalogs.map((c) => (
              <tr key={c.infno} data-infno={c.infno}>
                <td className="mono">{c.infno}</td>
                <td>{c.title}</td>
                <td className="num">{c.rows}</td>
                <td className="mono">{c.version || '—'}</td>
                <td>{when(c.syncedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {run && (
        <div data-testid="catalog-last-run">
          <h2>{t('catalog.lastRun', { runId: run.runId, state: t(`catalog.run.${run.state}`), at: when(run.startedAt) })}</h2>
          {run.error && <ErrorBanner error={run.error} />}
          <ul>
            {run.files
              .filter((f) => f.rows > 0 || f.invalid > 0)
              .map((f) => (
                <li key={f.infno}>
                  {t('catalog.run.file', { infno: f.infno, kind: t(f.full ? 'catalog.run.full' : 'catalog.run.incremental'), rows: f.rows, added: f.added, changed: f.changed, invalid: f.invalid })}
                  {f.invalidSamples.length > 0 && (
                    <ul>
                      {f.invalidSamples.map((x) => (
                        <li key={x.line}>{t('catalog.run.invalidLine', { line: x.line, code: x.code || '—', reason: x.reason })}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
          </ul>
        </div>
      )}

      <h2>{t('catalog.tryout')}</h2>
      <CatalogSearchBox group="all" validToday={false} onPick={setPicked} />
      {picked && (
        <Notice>
          <span data-testid="catalog-picked">{t('catalog.picked', { code: picked.code, name: picked.name })}</span>
        </Notice>
      )}
    </section>
  );
}
