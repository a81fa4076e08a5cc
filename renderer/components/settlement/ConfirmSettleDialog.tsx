// The last look before money moves: the cash to collect in big type, the account and fund shares,
// confirm with Enter (the button has focus) or go back with Esc.
import type { Figures } from '@src/contract/methods/settlement';
import { useT } from '../../i18n';
import { money } from './format';
import { useScreenKeys } from './useScreenKeys';

export function ConfirmSettleDialog({ figures, patientName, onConfirm, onClose }: { figures: Figures; patientName: string; onConfirm: () => void; onClose: () => void }) {
  const t = useT();
  useScreenKeys({ Escape: onClose });
  return (
    <div className="dialog-backdrop">
      <div className="dialog confirm-settle" role="dialog" aria-modal="true" aria-label={t('settlement.confirm.title')} data-testid="confirm-settle">
        <h2>{t('settlement.confirm.title')}</h2>
        <p>{t('settlement.confirm.patient', { name: patientName })}</p>
        <div className="confirm-cash">
          <div className="breakdown-label">{t('settlement.confirm.collect')}</div>
          <div className="money-big" data-testid="confirm-cash">
            {money(figures.psn_cash_pay)}
          </div>
        </div>
        <p>
          {t('settlement.confirm.split', { medfee: money(figures.medfee_sumamt), fund: money(figures.fund_pay_sumamt), acct: money(figures.acct_pay) })}
        </p>
        <div className="actions">
          <button type="button" className="primary big" onClick={onConfirm} autoFocus data-testid="confirm-settle-ok">
            {t('settlement.confirm.ok')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.back')}（Esc）
          </button>
        </div>
      </div>
    </div>
  );
}
