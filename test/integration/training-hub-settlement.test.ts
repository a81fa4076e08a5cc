// Settlements through HTTP: random prescriptions for random eligible patients. Every output
// satisfies the settlement identities, a pre-settlement equals the settlement of the same input,
// a cancellation returns the same amounts negated and restores the account and accumulators.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineAmount } from '@src/common/money';
import { checkSettlementIdentities, type SettlementAmounts } from '@src/hub/protocol/settlement';
import type { TxOutput } from '@src/hub/protocol/transactions';
import { formatInfTime } from '@src/hub/protocol/time';
import type { CatalogInfno } from '@src/training/catalog/catalog-kinds';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { TRAINING_PATIENTS, type TrainingPatient } from '@src/training/fixtures/training-patients';
import type { TrainingHub } from '@src/training/hub/training-hub';
import { MinimalHubClient } from '@src/training/hub/testing/minimal-hub-client';
import { signedInClient, startTempTrainingHub, type TempTrainingHub } from '@src/training/hub/testing/temp-training-hub';
import { billTotal, feeLines, findRows, registerOutpatient, settleInput, type BillLine } from '@src/training/hub/testing/visit-scenarios';

const patient = (name: string): TrainingPatient => TRAINING_PATIENTS.find((p) => p.name === name)!;
const ELIGIBLE = ['张伟', '李娜', '王芳', '刘洋', '赵敏'].map(patient);

let fixture: TempTrainingHub;
let hub: TrainingHub;
let client: MinimalHubClient;
const catalog = new TrainingCatalog({ feeItemRows: 8_000 });

beforeAll(async () => {
  fixture = await startTempTrainingHub('training-hub-settle-', catalog);
  hub = fixture.hub;
  client = await signedInClient(hub, { reset: false });
});
afterAll(() => fixture.close());

/** Random bill lines: drugs, herbs, services, consumables; prices around the cap (over it too). */
const lineArb = fc
  .record({
    infno: fc.constantFrom<CatalogInfno>('1301', '1302', '1305', '1306', '1320'),
    pick: fc.nat(),
    priceFactor: fc.integer({ min: 700, max: 1400 }),
    quantity: fc.integer({ min: 1, max: 60 }).map((n) => n * 2_500),
    approved: fc.boolean(),
  })
  .map(({ infno, pick, priceFactor, quantity, approved }): BillLine => {
    let index = pick % catalog.count(infno);
    let row = catalog.feeItem(infno, index);
    while (row.valiFlag !== '1') row = catalog.feeItem(infno, (index = (index + 1) % catalog.count(infno)));
    const cap = row.priceCap ?? 5_000_000;
    return { code: row.code, price: Math.max(1, Math.floor((cap * priceFactor) / 1000)), quantity, hospApprFlag: approved ? '1' : '0' };
  });

const visitArb = fc.record({
  who: fc.constantFrom(...ELIGIBLE),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
  useAccount: fc.boolean(),
  chronic: fc.boolean(),
});

function amounts(s: TxOutput<'2207'>['setlinfo'] | TxOutput<'2206'>['setlinfo']): SettlementAmounts {
  return s as unknown as SettlementAmounts;
}

const MONEY_FIELDS = [
  'medfee_sumamt', 'fulamt_ownpay_amt', 'overlmt_selfpay', 'preselfpay_amt', 'inscp_scp_amt', 'act_pay_dedc', 'hifp_pay', 'hifob_pay', 'hifmi_pay',
  'fund_pay_sumamt', 'psn_part_amt', 'acct_pay', 'psn_cash_pay', 'hosp_part_amt',
] as const;

async function balance(p: TrainingPatient): Promise<number> {
  const out = await client.ok('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber } });
  return out.insuinfo[0]!.balc;
}

describe('training hub settlements (property)', () => {
  it('every outpatient settlement satisfies the identities, equals its pre-settlement, and cancels to exactly its negation', async () => {
    await fc.assert(
      fc.asyncProperty(visitArb, async ({ who, lines, useAccount, chronic }) => {
        const medType = chronic && who.name === '王芳' ? '14' : '11';
        const before = await balance(who);
        const mdtrtId = await registerOutpatient(client, who, { medType, diseaseCode: medType === '14' ? 'I10.x00' : undefined });
        const fees = await client.ok('2204', { feedetail: feeLines(mdtrtId, who, lines) });
        // Each line splits exactly.
        for (const r of fees.result) {
          expect(r.fulamt_ownpay_amt + r.overlmt_amt + r.preselfpay_amt + r.inscp_scp_amt).toBe(r.det_item_fee_sumamt);
        }
        const total = billTotal(lines);
        const stub = { setlinfo: { medfee_sumamt: total, fulamt_ownpay_amt: 0, overlmt_selfpay: 0, preselfpay_amt: 0, inscp_scp_amt: 0 } } as TxOutput<'2206'>;
        const pre = await client.ok('2206', settleInput(who, mdtrtId, stub, { medType, useAccount }));
        expect(pre.setlinfo.setl_id).toBeUndefined();
        const settled = await client.ok('2207', settleInput(who, mdtrtId, pre, { medType, useAccount }));
        expect(settled.setlinfo.setl_id).toBeTruthy();
        expect(settled.setlinfo.medins_setl_id).toMatch(/^H31010100001\d{18}$/);
        for (const s of [pre.setlinfo, settled.setlinfo]) expect(checkSettlementIdentities(amounts(s))).toEqual([]);
        for (const f of MONEY_FIELDS) expect(settled.setlinfo[f], f).toBe(pre.setlinfo[f]);
        expect(settled.setlinfo.medfee_sumamt).toBe(total);
        const fundLines = settled.setldetail.filter((d) => d.fund_pay_type !== '310200').reduce((s, d) => s + d.fund_payamt, 0);
        expect(fundLines).toBe(settled.setlinfo.fund_pay_sumamt);
        if (!useAccount || who.insutype === '390') expect(settled.setlinfo.acct_pay).toBe(0);
        expect(await balance(who)).toBe(before - settled.setlinfo.acct_pay);

        const cancel = await client.ok('2208', { data: { setl_id: settled.setlinfo.setl_id, mdtrt_id: mdtrtId, psn_no: who.psnNo } });
        expect(checkSettlementIdentities(amounts(cancel.setlinfo))).toEqual([]);
        for (const f of MONEY_FIELDS) expect(cancel.setlinfo[f], f).toBe(settled.setlinfo[f] === 0 ? 0 : -settled.setlinfo[f]);
        expect(await balance(who)).toBe(before);
        // Accumulators are restored too: settling the same bill again gives the same answer.
        const again = await client.ok('2206', settleInput(who, mdtrtId, stub, { medType, useAccount }));
        for (const f of MONEY_FIELDS) expect(again.setlinfo[f], f).toBe(pre.setlinfo[f]);
      }),
      { numRuns: 30 },
    );
  });

  it('every inpatient settlement satisfies the identities, equals its pre-settlement (2303 = 2304), and 2305 negates it', async () => {
    const inpatients = ['张伟', '刘洋', '赵敏', '王芳'].map(patient);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...inpatients), fc.array(lineArb, { minLength: 1, maxLength: 10 }), fc.boolean(), async (who, lines, useAccount) => {
        client.insuredArea = who.insuredArea;
        const adm = await client.ok('2401', {
          mdtrtinfo: { psn_no: who.psnNo, insutype: who.insutype, begntime: formatInfTime(new Date()), mdtrt_cert_type: '02', mdtrt_cert_no: who.idNumber, med_type: '21', ipt_no: `ZY${Date.now()}${Math.random()}`, adm_dept_codg: '03', adm_dept_name: '内科' },
          diseinfo: [],
        });
        const mdtrtId = adm.result.mdtrt_id;
        await client.ok('2301', {
          feedetail: lines.map((l, i) => ({ feedetl_sn: String(i + 1), mdtrt_id: mdtrtId, psn_no: who.psnNo, med_type: '21', fee_ocur_time: formatInfTime(new Date()), med_list_codg: l.code, medins_list_codg: l.code, det_item_fee_sumamt: lineAmount(l.price, l.quantity), cnt: l.quantity, pric: l.price, hosp_appr_flag: l.hospApprFlag })),
        });
        await client.ok('2402', { dscginfo: { mdtrt_id: mdtrtId, psn_no: who.psnNo, insutype: who.insutype, endtime: formatInfTime(new Date(Date.now() + 60_000)) }, diseinfo: [] });
        const data = { psn_no: who.psnNo, mdtrt_cert_type: '02', mdtrt_cert_no: who.idNumber, medfee_sumamt: billTotal(lines), psn_setlway: '01', mdtrt_id: mdtrtId, insutype: who.insutype, acct_used_flag: useAccount ? '1' : '0', mid_setl_flag: '0' };
        const pre = await client.ok('2303', { data });
        const settled = await client.ok('2304', { data });
        for (const s of [pre.setlinfo, settled.setlinfo]) expect(checkSettlementIdentities(amounts(s))).toEqual([]);
        for (const f of MONEY_FIELDS) expect(settled.setlinfo[f], f).toBe(pre.setlinfo[f]);
        const cancel = await client.ok('2305', { data: { mdtrt_id: mdtrtId, setl_id: settled.setlinfo.setl_id, psn_no: who.psnNo } });
        for (const f of MONEY_FIELDS) expect(cancel.setlinfo[f], f).toBe(settled.setlinfo[f] === 0 ? 0 : -settled.setlinfo[f]);
        // The stay is settled again from scratch after the cancellation, then cancelled to leave the year untouched.
        const again = await client.ok('2304', { data });
        for (const f of MONEY_FIELDS) expect(again.setlinfo[f], f).toBe(settled.setlinfo[f]);
        await client.ok('2305', { data: { mdtrt_id: mdtrtId, setl_id: again.setlinfo.setl_id, psn_no: who.psnNo } });
      }),
      { numRuns: 12 },
    );
  });

  it('pharmacy 2101 equals 2102 and a 职工 pays from the personal account; 2103 restores it', async () => {
    const pharmacy = new MinimalHubClient(hub.baseUrl, { code: 'P31010100001', name: '训练示范药房', area: '310000' });
    await pharmacy.signIn();
    const p = patient('张伟');
    pharmacy.insuredArea = p.insuredArea;
    const rows = [0, 1, 2].map((i) => catalog.feeItem('1301', i)).filter((r) => r.valiFlag === '1');
    const drugdetail = rows.map((r, i) => ({ feedetl_sn: String(i + 1), fee_ocur_time: formatInfTime(new Date()), med_list_codg: r.code, medins_list_codg: r.code, det_item_fee_sumamt: lineAmount(r.priceCap ?? 1_000_000, 20_000), cnt: 20_000, pric: r.priceCap ?? 1_000_000 }));
    const input = {
      druginfo: { psn_no: p.psnNo, mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber, begntime: formatInfTime(new Date()), medfee_sumamt: drugdetail.reduce((s, d) => s + d.det_item_fee_sumamt, 0), insutype: p.insutype, acct_used_flag: '1', med_type: '41' },
      drugdetail,
    };
    const before = (await pharmacy.ok('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber } })).insuinfo[0]!.balc;
    const pre = await pharmacy.ok('2101', input);
    const settled = await pharmacy.ok('2102', input);
    for (const f of MONEY_FIELDS) expect(settled.setlinfo[f], f).toBe(pre.setlinfo[f]);
    expect(settled.detlcutinfo).toHaveLength(drugdetail.length);
    expect(checkSettlementIdentities(amounts(settled.setlinfo))).toEqual([]);
    expect(settled.setlinfo.acct_pay).toBeGreaterThan(0);
    expect(settled.setlinfo.balc).toBe(before - settled.setlinfo.acct_pay);
    const cancel = await pharmacy.ok('2103', { data: { setl_id: settled.setlinfo.setl_id, mdtrt_id: settled.setlinfo.mdtrt_id, psn_no: p.psnNo } });
    expect(cancel.setlinfo.acct_pay).toBe(-settled.setlinfo.acct_pay);
    expect(cancel.setlinfo.balc).toBe(before);
  });

  it('a hospital cannot use the pharmacy transactions, and 2207 with amounts other than the hub\'s is refused', async () => {
    const p = patient('刘洋');
    const row = catalog.feeItem('1305', findRows(catalog, '1305', 1, (r) => r.chrgitmLv === '01' && r.lmtUsedFlag === '0')[0]!);
    const lines: BillLine[] = [{ code: row.code, price: row.priceCap ?? 1_000_000, quantity: 10_000 }];
    client.insuredArea = p.insuredArea;
    const drug = { feedetl_sn: '1', fee_ocur_time: formatInfTime(new Date()), med_list_codg: row.code, medins_list_codg: row.code, det_item_fee_sumamt: billTotal(lines), cnt: 10_000, pric: lines[0]!.price };
    const asPharmacy = await client.call('2101', {
      druginfo: { psn_no: p.psnNo, mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber, begntime: formatInfTime(new Date()), medfee_sumamt: billTotal(lines), insutype: p.insutype, acct_used_flag: '0', med_type: '41' },
      drugdetail: [drug],
    });
    expect(asPharmacy.errMsg).toMatch(/仅限定点零售药店/);
    const mdtrtId = await registerOutpatient(client, p);
    await client.ok('2204', { feedetail: feeLines(mdtrtId, p, lines) });
    // A class A item is wholly in scope: claiming 0.01 in scope contradicts the hub's split.
    const stub = { setlinfo: { medfee_sumamt: billTotal(lines), fulamt_ownpay_amt: 0, overlmt_selfpay: 0, preselfpay_amt: 0, inscp_scp_amt: 1 } } as TxOutput<'2206'>;
    const r = await client.call('2207', settleInput(p, mdtrtId, stub));
    expect(r.infcode).toBe(-1);
    expect(r.errMsg).toMatch(/符合政策范围金额inscp_scp_amt与医保中心/);
  });

  it('mid-stay settlement (中途结算) settles what was uploaded; the final settlement takes the rest with one deductible per stay', async () => {
    const p = patient('刘洋');
    client.insuredArea = p.insuredArea;
    const adm = await client.ok('2401', {
      mdtrtinfo: { psn_no: p.psnNo, insutype: p.insutype, begntime: formatInfTime(new Date()), mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber, med_type: '21', ipt_no: `ZY${Date.now()}`, adm_dept_codg: '03', adm_dept_name: '外科' },
      diseinfo: [],
    });
    const mdtrtId = adm.result.mdtrt_id;
    const row = catalog.feeItem('1305', 1);
    const price = row.priceCap ?? 1_000_000;
    const upload = (sn: string, qty: number) =>
      client.ok('2301', { feedetail: [{ feedetl_sn: sn, mdtrt_id: mdtrtId, psn_no: p.psnNo, med_type: '21', fee_ocur_time: formatInfTime(new Date()), med_list_codg: row.code, medins_list_codg: row.code, det_item_fee_sumamt: lineAmount(price, qty), cnt: qty, pric: price }] });
    const settle = (infno: '2303' | '2304', amount: number, mid: string) =>
      client.ok(infno, { data: { psn_no: p.psnNo, mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber, medfee_sumamt: amount, psn_setlway: '01', mdtrt_id: mdtrtId, insutype: p.insutype, acct_used_flag: '0', mid_setl_flag: mid } });
    await upload('1', 5_000_000);
    const final0 = await client.call('2304', { data: { psn_no: p.psnNo, mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber, medfee_sumamt: lineAmount(price, 5_000_000), psn_setlway: '01', mdtrt_id: mdtrtId, insutype: p.insutype, acct_used_flag: '0', mid_setl_flag: '0' } });
    expect(final0.errMsg).toMatch(/尚未办理出院/);
    const mid = await settle('2304', lineAmount(price, 5_000_000), '1');
    expect(mid.setlinfo.act_pay_dedc).toBeGreaterThan(0);
    await upload('2', 3_000_000);
    await client.ok('2402', { dscginfo: { mdtrt_id: mdtrtId, psn_no: p.psnNo, insutype: p.insutype, endtime: formatInfTime(new Date(Date.now() + 1000)) }, diseinfo: [] });
    const last = await settle('2304', lineAmount(price, 3_000_000), '0');
    expect(last.setlinfo.medfee_sumamt).toBe(lineAmount(price, 3_000_000));
    expect(checkSettlementIdentities(amounts(last.setlinfo))).toEqual([]);
    // The stay's deductible was met by the mid-stay settlement (if its in-scope part reached it).
    expect(mid.setlinfo.act_pay_dedc + last.setlinfo.act_pay_dedc).toBeLessThanOrEqual(150_000);
  });
});
