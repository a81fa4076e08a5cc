// A sync's progress as the admin reads it: a bar with the percentage, rows read of the announced
// total, rate and time left, invalid rows so far, and what is happening (the host's own words).
import type { SyncProgress } from '@src/contract/methods/catalog';
import { useT } from '../../i18n';

const COLOR: Record<SyncProgress['phase'], string> = {
  planning: 'var(--accent)',
  downloading: 'var(--accent)',
  staging: 'var(--accent)',
  indexing: 'var(--accent)',
  applying: 'var(--accent)',
  done: 'var(--ok)',
  failed: 'var(--bad)',
  cancelled: 'var(--warn)',
};

export function SyncProgressBar({ progress: p }: { progress: SyncProgress }) {
  const t = useT();
  const facts = [
    p.totalRows !== undefined ? t('catalog.progress.rows', { rows: p.rows, total: p.totalRows }) : t('catalog.progress.rowsOnly', { rows: p.rows }),
    p.rowsPerSec !== undefined && p.phase === 'staging' ? t('catalog.progress.rate', { rate: p.rowsPerSec }) : '',
    p.etaSeconds !== undefined && p.phase === 'staging' ? t('catalog.progress.eta', { seconds: p.etaSeconds }) : '',
    p.invalidRows > 0 ? t('catalog.progress.invalid', { invalid: p.invalidRows }) : '',
  ].filter(Boolean);
  return (
    <div data-testid="catalog-progress" data-phase={p.phase} style={{ margin: '12px 0' }}>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(p.percent)}
        aria-label={p.message}
        style={{ height: 22, borderRadius: 6, background: '#e3e8ee', overflow: 'hidden', border: '1px solid var(--line)' }}
      >
        <div style={{ width: `${p.percent}%`, height: '100%', background: COLOR[p.phase], transition: 'width 0.3s' }} />
      </div>
      <div style={{ display: 'flex', gap: 16, marginTop: 4, flexWrap: 'wrap' }}>
        <strong>{Math.floor(p.percent)}%</strong>
        <span>{p.message}</span>
        {facts.map((f) => (
          <span key={f} className="field-hint">
            {f}
          </span>
        ))}
      </div>
      {p.error && (
        <div className="banner banner-error" role="alert">
          <div className="banner-message">{p.error.message}</div>
          {p.error.hint && <div className="banner-hint">{p.error.hint}</div>}
        </div>
      )}
    </div>
  );
}
