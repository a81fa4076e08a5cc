// IT admin: the audit trail, newest first, and a check of its hash chain.
import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '@src/contract/methods/audit';
import { api } from '../../bridge/api';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { useT } from '../../i18n';

export function AuditScreen() {
  const t = useT();
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<unknown>();
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string }>();

  const load = useCallback((beforeSeq?: number) => {
    api.audit
      .list({ limit: 100, ...(beforeSeq ? { beforeSeq } : {}) })
      .then((page) => setRows((prev) => (beforeSeq ? [...prev, ...page] : page)))
      .catch(setError);
  }, []);
  useEffect(() => load(), [load]);

  async function verify(): Promise<void> {
    try {
      const v = await api.audit.verify({});
      setVerdict(v.ok ? { ok: true, text: t('audit.ok', { n: v.entries }) } : { ok: false, text: t('audit.broken', { seq: v.firstBroken?.seq ?? '?', reason: v.firstBroken?.reason ?? '' }) });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="screen audit-screen">
      <h1>{t('audit.title')}</h1>
      <ErrorBanner error={error} />
      <div className="actions">
        <button type="button" onClick={() => void verify()}>
          {t('audit.verify')}
        </button>
        <button type="button" onClick={() => load()}>
          {t('common.refresh')}
        </button>
      </div>
      {verdict && <Notice level={verdict.ok ? 'success' : 'warning'}>{verdict.text}</Notice>}
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('audit.seq')}</th>
            <th>{t('audit.at')}</th>
            <th>{t('audit.operator')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.subject')}</th>
            <th>{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.seq}>
              <td>{r.seq}</td>
              <td>{new Date(r.at).toLocaleString('zh-CN', { hour12: false })}</td>
              <td>{r.operator ?? '—'}</td>
              <td>{r.action}</td>
              <td>{r.subject ?? ''}</td>
              <td className="mono">{JSON.stringify(r.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > 0 && rows.length % 100 === 0 && (
        <button type="button" onClick={() => load(rows[rows.length - 1]!.seq)}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
