// When the hub refuses a patient for the cross-province filing (none, expired, not for this chronic
// disease), the cashier must not be left guessing: the hub's own words, then what the patient can do.
import { errorText } from '../../bridge/api';
import { useT } from '../../i18n';

/** True when a refusal is about the filing (备案), by the hub's message. */
export function isFilingRefusal(error: unknown): boolean {
  const { message } = errorText(error);
  return message.includes('备案');
}

export function FilingAdvice({ error }: { error: unknown }) {
  const t = useT();
  const { message, hint } = errorText(error);
  const expired = message.includes('过期');
  return (
    <div className="banner banner-error filing-advice" role="alert" data-testid="filing-refusal" data-kind={expired ? 'expired' : 'missing'}>
      <div className="banner-message">{expired ? t('settlement.filing.expired') : t('settlement.filing.missing')}</div>
      <div className="filing-hub">
        {t('settlement.filing.hubSaid')}：{message}
      </div>
      {hint && <div className="banner-hint">{hint}</div>}
      <div className="banner-hint">
        <strong>{t('settlement.filing.whatNow')}</strong>
        <ol>
          <li>{expired ? t('settlement.filing.renew') : t('settlement.filing.file')}</li>
          <li>{t('settlement.filing.afterFiling')}</li>
          <li>{t('settlement.filing.selfPay')}</li>
        </ol>
      </div>
    </div>
  );
}
