// Shown on the outpatient screen when a call could not reach the hub at all (nothing was sent) and
// no visit is registered yet: offers 延时结算 with the lines already typed. Not offered after an
// unknown outcome — that visit is settlement's recovery to resolve, never a second settlement.
import { errorText } from '../../bridge/api';
import { useT } from '../../i18n';
import { useNav } from '../../stores/nav-store';
import { useOfflineHandover, type HandoverLine } from './offline-handover';

const NOTHING_SENT = new Set(['HUB_NETWORK', 'HUB_BUDGET_EXHAUSTED']);

export function OfflineOffer({ error, registered, lines }: { error: unknown; registered: boolean; lines: readonly { code: string; priceText: string; qtyText: string }[] }) {
  const t = useT();
  const code = error === undefined ? undefined : errorText(error).code;
  if (registered || !code || !NOTHING_SENT.has(code)) return null;
  const go = (): void => {
    const handover: HandoverLine[] = lines.map((l) => ({ code: l.code, price: l.priceText, quantity: l.qtyText }));
    useOfflineHandover.getState().put(handover);
    useNav.getState().go('offline');
  };
  return (
    <div className="banner banner-warning" data-testid="offline-offer">
      {t('offline.offer')}{' '}
      <button type="button" onClick={go}>
        {t('offline.offerGo')}
      </button>
    </div>
  );
}
