// Property: for random prescriptions (random catalogue rows, quantities and prices, account on or
// off), the settled record and its receipt show exactly the hub ledger's figures, and the
// settlement identities hold.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSettlementIdentities } from '@src/hub/protocol';
import { startSettlementKit, ZHANG_WEI, type SettlementKit } from './settlement-kit';

let kit: SettlementKit;
let pool: { code: string; name: string }[];
beforeAll(async () => {
  kit = await startSettlementKit();
  const rows = [...(await kit.lines(30, { infno: '1301' })), ...(await kit.lines(15, { infno: '1305' })), ...(await kit.lines(10, { infno: '1306' }))];
  pool = rows.map(({ code, name }) => ({ code, name }));
});
afterAll(async () => {
  await kit.close();
});

describe('receipts equal the hub', () => {
  it('holds for random prescriptions', async () => {
    const line = fc.record({ idx: fc.nat(1000), quantity: fc.integer({ min: 1, max: 50 }).map((n) => n * 5_000), unitPrice: fc.integer({ min: 1, max: 200_000 }).map((n) => n * 10_000) });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), async (ls, acctUsed) => {
        const p = await kit.call('patient.identify', { certType: '02', certNo: ZHANG_WEI, typedReason: '培训：手工录入' });
        const lines = ls.map((l, i) => ({ ...pool[(l.idx + i) % pool.length]!, quantity: l.quantity, unitPrice: l.unitPrice }));
        const pre = await kit.call('outpatient.preSettle', { patientRef: p.patientRef, insutype: '310', medType: '11', diagnoses: [{ code: 'J06.900', name: '急性上呼吸道感染' }], lines, acctUsed });
        const done = await kit.call('outpatient.settle', { visitId: pre.visitId });
        expect(done.outcome).toBe('settled');
        const f = done.settlement.figures!;
        expect(checkSettlementIdentities(f)).toEqual([]);
        const receipt = await kit.call('settlements.receipt', { id: done.settlement.id, paper: '80mm' });
        const ledger = await kit.admin<{ entries: { event: string; msgid: string; medfeeFen: number; fundFen: number; acctFen: number; cashFen: number }[] }>(`/admin/ledger?mdtrt_id=${pre.mdtrtId}`);
        const e = ledger.entries.find((x) => x.event === 'settle' && x.msgid === done.settlement.msgid)!;
        expect([receipt.figures.medfee_sumamt, receipt.figures.fund_pay_sumamt, receipt.figures.acct_pay, receipt.figures.psn_cash_pay]).toEqual([e.medfeeFen, e.fundFen, e.acctFen, e.cashFen]);
        expect(receipt.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(receipt.figures.medfee_sumamt);
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
