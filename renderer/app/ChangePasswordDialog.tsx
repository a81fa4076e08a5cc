import { useState, type FormEvent } from 'react';
import { api } from '../bridge/api';
import { ErrorBanner, Notice } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { useHotkeys } from '../components/useHotkeys';
import { useT } from '../i18n';

export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  useHotkeys({ Escape: onClose });

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    try {
      await api.session.changePassword({ current, next });
      setDone(true);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-label={t('password.change')}>
      <form className="dialog" onSubmit={submit}>
        <h2>{t('password.change')}</h2>
        <ErrorBanner error={error} />
        {done ? (
          <Notice level="success">{t('password.changed')}</Notice>
        ) : (
          <>
            <Field label={t('password.current')}>{(id) => <input id={id} type="password" autoFocus value={current} onChange={(e) => setCurrent(e.target.value)} />}</Field>
            <Field label={t('password.next')}>{(id) => <input id={id} type="password" value={next} onChange={(e) => setNext(e.target.value)} />}</Field>
          </>
        )}
        <div className="actions">
          {!done && (
            <button type="submit" className="primary">
              {t('common.save')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </form>
    </div>
  );
}
