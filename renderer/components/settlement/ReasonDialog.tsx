// Asks why (cancel a visit, refund a settlement, cancel an admission): a common reason to pick or
// the operator's own words. The reason goes to the hub call and the audit log.
import { useState } from 'react';
import { ErrorBanner } from '../ErrorBanner';
import { Field } from '../Field';
import { useT } from '../../i18n';
import { useScreenKeys } from './useScreenKeys';

export function ReasonDialog({ title, presets, confirmLabel, onConfirm, onClose, danger = true }: { title: string; presets: string[]; confirmLabel: string; onConfirm: (reason: string) => Promise<void>; onClose: () => void; danger?: boolean }) {
  const t = useT();
  const [preset, setPreset] = useState(presets[0] ?? '');
  const [own, setOwn] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const otherLabel = t('settlement.reason.other');
  const reason = preset === otherLabel ? own.trim() : preset;

  async function submit(): Promise<void> {
    if (busy) return;
    if (reason.length < 2) {
      setError({ message: t('settlement.reason.missing'), hint: t('settlement.reason.missingHint') });
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm(reason);
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  useScreenKeys({ Escape: () => !busy && onClose() });

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid="reason-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2>{title}</h2>
        <Field label={t('settlement.reason.label')}>
          {(id) => (
            <select
              id={id}
              value={preset}
              autoFocus
              onChange={(e) => setPreset(e.target.value)}
              onKeyDown={(e) => {
                // A select does not submit its form on Enter; the operator expects it to.
                if (e.key === 'Enter' && preset !== otherLabel) {
                  e.preventDefault();
                  void submit();
                }
              }}
            >
              {[...presets, otherLabel].map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          )}
        </Field>
        {preset === otherLabel && <Field label={t('settlement.reason.own')}>{(id) => <input id={id} value={own} onChange={(e) => setOwn(e.target.value)} maxLength={200} autoFocus />}</Field>}
        <ErrorBanner error={error} />
        <div className="actions">
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>
            {busy ? t('settlement.working') : confirmLabel}
          </button>
          <button type="button" onClick={onClose} disabled={busy}>
            {t('common.back')}（Esc）
          </button>
        </div>
      </form>
    </div>
  );
}
