// The cashier's fee lines before they go to the hub: quantity and price editable, the amount
// computed, class 甲乙丙, a price above the catalogue cap marked (the excess is self-paid),
// restricted items with the 医院审批 checkbox. Delete removes a line.
import { CHARGE_CLASS_LABELS, type ChargeClass } from '@src/contract/methods/catalog';
import { useT } from '../../i18n';
import { checkLine, draftTotal, type DraftLine } from './fee-lines';
import { money, priceText } from './format';

export function FeeLineTable({ lines, onChange, locked = false }: { lines: DraftLine[]; onChange: (lines: DraftLine[]) => void; locked?: boolean }) {
  const t = useT();
  const update = (key: string, patch: Partial<DraftLine>): void => onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  if (lines.length === 0) return <p className="field-hint">{t('settlement.lines.none')}</p>;
  return (
    <table className="data-table fee-lines" data-testid="fee-lines">
      <thead>
        <tr>
          <th>#</th>
          <th>{t('settlement.lines.item')}</th>
          <th>{t('settlement.lines.class')}</th>
          <th className="num">{t('settlement.lines.quantity')}</th>
          <th className="num">{t('settlement.lines.price')}</th>
          <th className="num">{t('settlement.lines.amount')}</th>
          <th>{t('settlement.lines.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => {
          const c = checkLine(l);
          return (
            <tr key={l.key} data-testid={`fee-line-${i}`}>
              <td>{i + 1}</td>
              <td>
                {l.name}
                {l.spec && <span className="field-hint"> {l.spec}</span>}
                <div className="mono field-hint">{l.code}</div>
                {l.restricted && (
                  <label className="field-hint">
                    <input type="checkbox" checked={l.hospApproved} disabled={locked} onChange={(e) => update(l.key, { hospApproved: e.target.checked })} /> {t('settlement.lines.approved')}
                    {l.restriction && `（${l.restriction}）`}
                  </label>
                )}
              </td>
              <td>{l.chargeClass ? CHARGE_CLASS_LABELS[l.chargeClass as ChargeClass] : '—'}</td>
              <td className="num">
                <input className={`num-input ${c.quantity === undefined ? 'invalid' : ''}`} aria-label={t('settlement.lines.quantityOf', { n: i + 1 })} value={l.qtyText} disabled={locked} onChange={(e) => update(l.key, { qtyText: e.target.value })} inputMode="decimal" />
                {l.unit && <span className="field-hint"> {l.unit}</span>}
              </td>
              <td className="num">
                <input className={`num-input ${c.unitPrice === undefined ? 'invalid' : ''}`} aria-label={t('settlement.lines.priceOf', { n: i + 1 })} value={l.priceText} disabled={locked} onChange={(e) => update(l.key, { priceText: e.target.value })} inputMode="decimal" />
                {c.unitPrice === undefined && <div className="settle-bad field-hint">{t('settlement.lines.priceMissing')}</div>}
                {c.overCap && l.priceCap !== null && <div className="settle-warn field-hint">{t('settlement.lines.overCap', { cap: priceText(l.priceCap) })}</div>}
              </td>
              <td className="num money">{c.amountFen !== undefined ? money(c.amountFen) : '—'}</td>
              <td>
                <button type="button" disabled={locked} onClick={() => onChange(lines.filter((x) => x.key !== l.key))} aria-label={t('settlement.lines.removeOf', { n: i + 1 })}>
                  {t('settlement.lines.remove')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={5}>{t('settlement.lines.total', { n: lines.length })}</td>
          <td className="num money" data-testid="fee-lines-total">
            {money(draftTotal(lines))}
          </td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
