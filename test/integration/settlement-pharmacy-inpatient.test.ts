// Pharmacy (李娜 at the training pharmacy P31010100001) and inpatient (赵敏: admission, daily
// uploads and a cancelled line, mid-stay settlement, discharge, final settlement, refund).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSettlementIdentities } from '@src/hub/protocol';
import { LI_NA, startSettlementKit, ZHAO_MIN, type SettlementKit } from './settlement-kit';

describe('pharmacy', () => {
  let kit: SettlementKit;
  beforeAll(async () => {
    kit = await startSettlementKit({ pharmacy: true });
  });
  afterAll(async () => {
    await kit.close();
  });

  it('pre-settles and settles 李娜 in one screen, then the pharmacist refunds it (2103); figures equal the hub ledger', async () => {
    const p = await kit.call('patient.identify', { certType: '02', certNo: LI_NA, typedReason: '培训：手工录入' });
    const lines = await kit.lines(3, { infno: '1301' });
    const pre = await kit.call('pharmacy.preSettle', { patientRef: p.patientRef, insutype: '390', lines, acctUsed: false });
    expect(checkSettlementIdentities(pre.figures)).toEqual([]);
    const done = await kit.call('pharmacy.settle', { draftId: pre.draftId });
    expect(done.outcome).toBe('settled');
    expect(done.settlement.figures!.medfee_sumamt).toBe(pre.figures.medfee_sumamt);
    const ledger = await kit.admin<{ entries: { event: string; msgid: string; medfeeFen: number; cashFen: number }[] }>(`/admin/ledger?psn_no=${done.settlement.psnNo}`);
    const entry = ledger.entries.find((e) => e.msgid === done.settlement.msgid)!;
    expect([entry.medfeeFen, entry.cashFen]).toEqual([done.settlement.figures!.medfee_sumamt, done.settlement.figures!.psn_cash_pay]);
    const receipt = await kit.call('settlements.receipt', { id: done.settlement.id, paper: '80mm' });
    expect(receipt.kindLabel).toBe('药店购药');
    expect(receipt.lines).toHaveLength(3);
    expect((await kit.fail('settlements.refund', { id: done.settlement.id, reason: '药品退回' }, 'cashier')).code).toBe('SETTLEMENT_ROLE');
    const refund = await kit.call('settlements.refund', { id: done.settlement.id, reason: '药品退回' });
    expect(refund.record.state).toBe('refunded');
  });
});

describe('inpatient', () => {
  let kit: SettlementKit;
  beforeAll(async () => {
    kit = await startSettlementKit();
  });
  afterAll(async () => {
    await kit.close();
  });

  it('admits 赵敏, uploads fees, settles mid-stay, discharges and settles the rest; the hub shows one final settlement', async () => {
    const p = await kit.call('patient.identify', { certType: '02', certNo: ZHAO_MIN, typedReason: '培训：手工录入' });
    expect(p.filing.state).toBe('referralValid');
    const stay = await kit.call('inpatient.admit', { patientRef: p.patientRef, insutype: '310', diagnoses: [{ code: 'I63.900', name: '脑梗死' }], dept: { code: '0301', name: '神经内科' }, bed: '12' });
    expect(stay.state).toBe('admitted');
    const day1 = await kit.call('inpatient.uploadFees', { stayId: stay.stayId, lines: await kit.lines(3) });
    expect(day1.lines).toHaveLength(3);
    await kit.call('inpatient.cancelFees', { stayId: stay.stayId, feedetlSns: [day1.lines[2]!.feedetlSn], reason: '医嘱取消' });
    const mid = await kit.call('inpatient.preSettle', { stayId: stay.stayId, midStay: true, acctUsed: true });
    expect(mid.lines).toHaveLength(2);
    const midDone = await kit.call('inpatient.settle', { stayId: stay.stayId, midStay: true, acctUsed: true });
    expect(midDone.outcome).toBe('settled');
    expect(midDone.settlement.midStay).toBe(true);
    expect(midDone.settlement.figures).toEqual({ ...mid.figures, balc: midDone.settlement.figures!.balc });

    await kit.call('inpatient.uploadFees', { stayId: stay.stayId, lines: await kit.lines(2, { infno: '1305' }) });
    expect((await kit.fail('inpatient.settle', { stayId: stay.stayId, midStay: false, acctUsed: true })).code).toBe('SETTLEMENT_STAY_STATE');
    const discharged = await kit.call('inpatient.discharge', { stayId: stay.stayId, diagnoses: [{ code: 'I63.900', name: '脑梗死' }] });
    expect(discharged.state).toBe('discharged');
    const fin = await kit.call('inpatient.settle', { stayId: stay.stayId, midStay: false, acctUsed: true });
    expect(fin.outcome).toBe('settled');
    const detail = await kit.call('inpatient.get', { stayId: stay.stayId });
    expect(detail.stay.state).toBe('settled');
    expect(detail.stay.settlementIds).toHaveLength(2);
    expect(detail.stay.unsettledFeesFen).toBe(0);

    const ledger = await kit.admin<{ entries: { event: string; state: string | null }[]; summary: { visitsSettledTwice: string[] } }>(`/admin/ledger?mdtrt_id=${stay.mdtrtId}`);
    expect(ledger.entries.filter((e) => e.event === 'settle')).toHaveLength(2);
    expect(ledger.summary.visitsSettledTwice).toEqual([]);
    const pdf = await kit.call('settlements.receiptPdf', { id: fin.settlement.id, paper: 'A5' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('cancels an admission without fees (2404) and a discharge (2405)', async () => {
    const p = await kit.call('patient.identify', { certType: '02', certNo: ZHAO_MIN, typedReason: '培训：手工录入' });
    const stay = await kit.call('inpatient.admit', { patientRef: p.patientRef, insutype: '310', diagnoses: [{ code: 'I63.900', name: '脑梗死' }], dept: { code: '0301', name: '神经内科' } });
    await kit.call('inpatient.discharge', { stayId: stay.stayId, diagnoses: [{ code: 'I63.900', name: '脑梗死' }] });
    expect((await kit.call('inpatient.cancelDischarge', { stayId: stay.stayId, reason: '出院登记错误' })).state).toBe('admitted');
    expect((await kit.call('inpatient.cancelAdmission', { stayId: stay.stayId, reason: '入院登记错误' })).state).toBe('cancelled');
    const open = await kit.call('inpatient.list', {});
    expect(open.map((s) => s.stayId)).not.toContain(stay.stayId);
  });
});
