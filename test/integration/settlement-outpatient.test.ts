// Outpatient settlement end to end against the embedded training hub: 张伟 (11), 王芳 (14,
// hypertension), 刘洋 (local), 陈刚 (no filing) and 孙磊 (expired filing) refused with next
// steps; cancel before settling; refund from history; receipt figures equal the hub ledger's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSettlementIdentities } from '@src/hub/protocol';
import { CHEN_GANG, LIU_YANG, startSettlementKit, SUN_LEI, WANG_FANG, ZHANG_WEI, type SettlementKit } from './settlement-kit';

let kit: SettlementKit;
beforeAll(async () => {
  kit = await startSettlementKit();
});
afterAll(async () => {
  await kit.close();
});

const diag = [{ code: 'J06.900', name: '急性上呼吸道感染' }];

async function identify(idNumber: string) {
  return kit.call('patient.identify', { certType: '02', certNo: idNumber, typedReason: '培训：手工录入' });
}

describe('outpatient settlement', () => {
  it('identifies 张伟 as a cross-province employee with his account balance, and settles a visit whose receipt equals the hub ledger', async () => {
    const p = await identify(ZHANG_WEI);
    expect(p.name).toBe('张伟');
    expect(p.idMasked).toBe('320501********0018');
    expect(p.crossProvince).toBe(true);
    expect(p.insurances[0]).toMatchObject({ insutype: '310', insuredArea: '320500', balanceFen: expect.any(Number) });
    const lines = await kit.lines(3);
    const pre = await kit.call('outpatient.preSettle', { patientRef: p.patientRef, insutype: '310', medType: '11', diagnoses: diag, lines, acctUsed: true });
    expect(checkSettlementIdentities({ ...pre.figures })).toEqual([]);
    expect(pre.lines).toHaveLength(3);
    expect(pre.lines.every((l) => ['01', '02', '03'].includes(l.chargeClass))).toBe(true);

    // Toggling the account re-runs only the pre-settlement, on the same visit.
    const noAcct = await kit.call('outpatient.preSettle', { visitId: pre.visitId, patientRef: p.patientRef, insutype: '310', medType: '11', diagnoses: diag, lines, acctUsed: false });
    expect(noAcct.visitId).toBe(pre.visitId);
    expect(noAcct.figures.acct_pay).toBe(0);
    await kit.call('outpatient.preSettle', { visitId: pre.visitId, patientRef: p.patientRef, insutype: '310', medType: '11', diagnoses: diag, lines, acctUsed: true });

    const done = await kit.call('outpatient.settle', { visitId: pre.visitId, operationId: 'op-1' });
    expect(done.outcome).toBe('settled');
    expect(done.settlement.state).toBe('settled');
    expect(done.settlement.figures).toEqual({ ...pre.figures, balc: done.settlement.figures!.balc });

    const ledger = await kit.admin<{ entries: { msgid: string; setlId: string; medfeeFen: number; fundFen: number; acctFen: number; cashFen: number; event: string }[] }>(`/admin/ledger?mdtrt_id=${pre.mdtrtId}`);
    const entry = ledger.entries.find((e) => e.event === 'settle')!;
    expect(entry.msgid).toBe(done.settlement.msgid);
    const receipt = await kit.call('settlements.receipt', { id: done.settlement.id, paper: '58mm' });
    expect({ setlId: receipt.setlId, medfee: receipt.figures.medfee_sumamt, fund: receipt.figures.fund_pay_sumamt, acct: receipt.figures.acct_pay, cash: receipt.figures.psn_cash_pay }).toEqual({
      setlId: entry.setlId,
      medfee: entry.medfeeFen,
      fund: entry.fundFen,
      acct: entry.acctFen,
      cash: entry.cashFen,
    });
    expect(receipt.text.every((l) => !l.includes(ZHANG_WEI))).toBe(true);
    expect(receipt.insuredAreaName).toContain('苏州');

    // History: by ID number (lookup hash), by name, by setl_id.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const byId = await kit.call('settlements.search', { from: today, to: today, idNumber: ZHANG_WEI });
    expect(byId.rows.map((r) => r.id)).toContain(done.settlement.id);
    const byName = await kit.call('settlements.search', { from: today, to: today, patientName: '张伟' });
    expect(byName.rows.map((r) => r.id)).toContain(done.settlement.id);
    const bySetl = await kit.call('settlements.search', { from: today, to: today, setlId: entry.setlId });
    expect(bySetl.rows).toHaveLength(1);

    // The patient's name and ID number are not stored in plain text.
    const raw = JSON.stringify(kit.host.services.db.prepare('SELECT * FROM settlement_records').all());
    expect(raw).not.toContain('张伟');
    expect(raw).not.toContain(ZHANG_WEI);

    // Refund: a pharmacist may not refund an outpatient settlement; the cashier may, with a reason.
    const refused = await kit.fail('settlements.refund', { id: done.settlement.id, reason: '患者要求退费' }, 'pharmacist');
    expect(refused.code).toBe('SETTLEMENT_ROLE');
    const refund = await kit.call('settlements.refund', { id: done.settlement.id, reason: '患者要求退费' });
    expect(refund.record.state).toBe('refunded');
    expect(refund.record.refund!.figures.medfee_sumamt).toBe(-entry.medfeeFen);
    const after = await kit.admin<{ summary: { msgidsSettledTwice: string[]; visitsSettledTwice: string[] } }>(`/admin/ledger?mdtrt_id=${pre.mdtrtId}`);
    expect(after.summary.msgidsSettledTwice).toEqual([]);
    const audit = kit.host.services.db.prepare("SELECT action, details FROM audit_log WHERE action LIKE 'settlement.%'").all() as { action: string; details: string }[];
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['settlement.settled', 'settlement.refunded']));
    expect(JSON.stringify(audit)).not.toContain(ZHANG_WEI);
  });

  it('identifies from a social security card (03, card number + 卡识别码) and an e-voucher token (01)', async () => {
    const card = await kit.call('patient.identify', { certType: '03', certNo: 'E32050001', cardSn: '320500D1560000050A1B2C3D4E5F6071' });
    expect([card.name, card.typed, card.certType]).toEqual(['张伟', false, '03']);
    const wrongSn = await kit.fail('patient.identify', { certType: '03', certNo: 'E32050001', cardSn: '320500D156000005FFFFFFFFFFFFFFFF' });
    expect(wrongSn.code).toBe('HUB_BUSINESS');
    const ec = await kit.host.services.hub.ecQuery({
      orgId: 'H31010100001',
      transType: 'ec.query',
      data: { orgId: 'H31010100001', businessType: '01101', operatorId: 'sy01', operatorName: '王小红', officeId: '0101', officeName: '门诊收费处', ecQrCode: 'EC0131000020261123LY00000000005' },
    });
    const voucher = await kit.call('patient.identify', { certType: '01', certNo: ec.ecToken });
    expect(voucher.name).toBe('刘洋');
    // The certificate stays on the host: the visit uses the token it was identified with.
    const pre = await kit.call('outpatient.preSettle', { patientRef: voucher.patientRef, insutype: '310', medType: '11', diagnoses: diag, lines: await kit.lines(1), acctUsed: true });
    expect((await kit.call('outpatient.settle', { visitId: pre.visitId })).outcome).toBe('settled');
  });

  it('settles 王芳 under med_type 14 for her filed hypertension, and refuses a disease she has not filed', async () => {
    const p = await identify(WANG_FANG);
    const hypertension = p.chronic.find((c) => c.name.includes('高血压'));
    expect(hypertension?.validToday).toBe(true);
    const lines = await kit.lines(2);
    const wrong = await kit.fail('outpatient.preSettle', { patientRef: p.patientRef, insutype: '310', medType: '14', chronicCode: 'M01600', diagnoses: [{ code: 'E11.900', name: '2型糖尿病' }], lines, acctUsed: true });
    expect(wrong.code).toBe('SETTLEMENT_CHRONIC_FILING');
    const pre = await kit.call('outpatient.preSettle', { patientRef: p.patientRef, insutype: '310', medType: '14', chronicCode: hypertension!.code, diagnoses: [{ code: 'I10.x00', name: '高血压' }], lines, acctUsed: true });
    const done = await kit.call('outpatient.settle', { visitId: pre.visitId });
    expect(done.outcome).toBe('settled');
    expect(done.settlement.medType).toBe('14');
  });

  it('settles 刘洋 as a local patient (no filing needed)', async () => {
    const p = await identify(LIU_YANG);
    expect(p.crossProvince).toBe(false);
    expect(p.filing.state).toBe('local');
    const pre = await kit.call('outpatient.preSettle', { patientRef: p.patientRef, insutype: '310', medType: '13', diagnoses: diag, lines: await kit.lines(1), acctUsed: false });
    expect((await kit.call('outpatient.settle', { visitId: pre.visitId })).outcome).toBe('settled');
  });

  it('refuses 陈刚 (no filing) and 孙磊 (expired filing) at registration, saying why and what to do', async () => {
    const chen = await identify(CHEN_GANG);
    const e1 = await kit.fail('outpatient.preSettle', { patientRef: chen.patientRef, insutype: '390', medType: '11', diagnoses: diag, lines: await kit.lines(1), acctUsed: false });
    expect(e1.code).toBe('SETTLEMENT_FILING_MISSING');
    expect(e1.message).toContain('未办理跨省异地就医备案');
    expect(e1.hint).toContain('自费');
    const sun = await identify(SUN_LEI);
    const e2 = await kit.fail('outpatient.preSettle', { patientRef: sun.patientRef, insutype: '390', medType: '11', diagnoses: diag, lines: await kit.lines(1), acctUsed: false });
    expect(e2.code).toBe('SETTLEMENT_FILING_EXPIRED');
    expect(e2.hint).toContain('重新办理备案');
  });

  it('cancels an unsettled visit (2205 + 2202) with the reason and refuses a typed ID number with a wrong check digit', async () => {
    const p = await identify(ZHANG_WEI);
    const pre = await kit.call('outpatient.preSettle', { patientRef: p.patientRef, insutype: '310', medType: '11', diagnoses: diag, lines: await kit.lines(1), acctUsed: true });
    await kit.call('outpatient.cancel', { visitId: pre.visitId, reason: '患者放弃就诊' });
    expect((await kit.fail('outpatient.settle', { visitId: pre.visitId })).code).toBe('SETTLEMENT_VISIT_CANCELLED');
    const bad = await kit.fail('patient.identify', { certType: '02', certNo: '320501197203150019', typedReason: '读卡器故障' });
    expect(bad.code).toBe('SETTLEMENT_ID_NUMBER');
  });
});
