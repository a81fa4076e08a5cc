// What the fund, the personal account and the patient pay: the headline split of medfee_sumamt,
// the detail of the policy split (全自费/超限价/先行自付/符合范围, 起付线, ratio), each fund line,
// each fee line with its class and self-pay, and the hub's warnings. Used for the pre-settlement,
// the settlement result and history details, so the cashier sees the same layout every time.
import type { Figures, LineSplit } from '@src/contract/methods/settlement';
import { CHARGE_CLASS_LABELS, type ChargeClass } from '@src/contract/methods/catalog';
import { useT } from '../../i18n';
import { money, percentText, priceText, quantityText } from './format';
import { identityProblems } from './identities';

interface Fund {
  fundPayType: string;
  name: string;
  amountFen: number;
}

export function Breakdown({ figures, funds, lines = [], warnings = [], testId = 'breakdown' }: { figures: Figures; funds: Fund[]; lines?: LineSplit[]; warnings?: string[]; testId?: string }) {
  const t = useT();
  const problems = identityProblems(figures);
  return (
    <section className="breakdown" data-testid={testId}>
      <div className="breakdown-headline">
        <Big label={t('settlement.fig.medfee')} fen={figures.medfee_sumamt} testId="fig-medfee" />
        <span className="breakdown-op">=</span>
        <Big label={t('settlement.fig.fund')} fen={figures.fund_pay_sumamt} testId="fig-fund" />
        <span className="breakdown-op">+</span>
        <Big label={t('settlement.fig.acct')} fen={figures.acct_pay} testId="fig-acct" />
        <span className="breakdown-op">+</span>
        <Big label={t('settlement.fig.cash')} fen={figures.psn_cash_pay} testId="fig-cash" strong />
        {figures.hosp_part_amt !== 0 && (
          <>
            <span className="breakdown-op">+</span>
            <Big label={t('settlement.fig.hosp')} fen={figures.hosp_part_amt} testId="fig-hosp" />
          </>
        )}
      </div>
      {figures.balc !== null && (
        <p className="breakdown-balance">
          {t('settlement.fig.balance')}：<span className="money" data-testid="fig-balance">{money(figures.balc)}</span>
        </p>
      )}
      {problems.length > 0 && (
        <div className="banner banner-error" role="alert" data-testid="identity-problem">
          <div className="banner-message">{t('settlement.fig.identityBroken')}</div>
          <div className="banner-hint">{t('settlement.fig.identityHint')}</div>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="banner banner-warning" data-testid="breakdown-warnings">
          <div className="banner-message">{t('settlement.fig.warnings')}</div>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="breakdown-detail">
        <table className="data-table">
          <tbody>
            <Row label={t('settlement.fig.fulamt')} fen={figures.fulamt_ownpay_amt} />
            <Row label={t('settlement.fig.overlmt')} fen={figures.overlmt_selfpay} />
            <Row label={t('settlement.fig.preselfpay')} fen={figures.preselfpay_amt} />
            <Row label={t('settlement.fig.inscp')} fen={figures.inscp_scp_amt} />
            <Row label={t('settlement.fig.dedc')} fen={figures.act_pay_dedc} />
            {figures.pool_prop_selfpay !== null && (
              <tr>
                <th>{t('settlement.fig.ratio')}</th>
                <td className="num">{percentText(figures.pool_prop_selfpay)}</td>
              </tr>
            )}
            <Row label={t('settlement.fig.psnPart')} fen={figures.psn_part_amt} />
          </tbody>
        </table>
        <table className="data-table" data-testid="breakdown-funds">
          <thead>
            <tr>
              <th>{t('settlement.fig.fundLine')}</th>
              <th className="num">{t('settlement.lines.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {funds.length === 0 && (
              <tr>
                <td colSpan={2}>{t('settlement.fig.noFunds')}</td>
              </tr>
            )}
            {funds.map((f) => (
              <tr key={`${f.fundPayType}-${f.name}`}>
                <td>
                  {f.name} <span className="mono field-hint">{f.fundPayType}</span>
                </td>
                <td className="num money">{money(f.amountFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {lines.length > 0 && (
        <table className="data-table breakdown-lines" data-testid="breakdown-lines">
          <thead>
            <tr>
              <th>{t('settlement.lines.item')}</th>
              <th>{t('settlement.lines.class')}</th>
              <th className="num">{t('settlement.lines.quantity')}</th>
              <th className="num">{t('settlement.lines.price')}</th>
              <th className="num">{t('settlement.lines.amount')}</th>
              <th className="num">{t('settlement.lines.selfpayProp')}</th>
              <th className="num">{t('settlement.lines.selfpay')}</th>
              <th className="num">{t('settlement.fig.inscp')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.feedetlSn}>
                <td>
                  {l.name}
                  {l.memo && <div className="settle-warn field-hint">{l.memo}</div>}
                </td>
                <td>{l.chargeClass ? (CHARGE_CLASS_LABELS[l.chargeClass as ChargeClass] ?? l.chargeClass) : '—'}</td>
                <td className="num">{quantityText(l.quantity)}</td>
                <td className="num">{priceText(l.unitPrice)}</td>
                <td className="num money">{money(l.amountFen)}</td>
                <td className="num">{l.selfpayProp !== null ? percentText(l.selfpayProp) : '—'}</td>
                <td className="num money">{money(l.fulamtOwnpayFen + l.overlmtFen + l.preselfpayFen)}</td>
                <td className="num money">{money(l.inscpScpFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Big({ label, fen, testId, strong = false }: { label: string; fen: number; testId: string; strong?: boolean }) {
  return (
    <div className={`breakdown-figure ${strong ? 'breakdown-cash' : ''}`}>
      <div className="breakdown-label">{label}</div>
      <div className="money-big" data-testid={testId} data-fen={fen}>
        {money(fen)}
      </div>
    </div>
  );
}

function Row({ label, fen }: { label: string; fen: number }) {
  return (
    <tr>
      <th>{label}</th>
      <td className="num money">{money(fen)}</td>
    </tr>
  );
}
