// The social security card path end to end (mdtrt_cert_type 03): 张伟 is identified by card number
// + 卡识别码 (1101), and the whole outpatient chain (2201 → 2203 → 2204 → 2206 → 2207) runs on the
// card certificate. Regression: the training hub used to demand card_sn at 2201 as well.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSettlementIdentities } from '@src/hub/protocol';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { startSettlementKit, ZHANG_WEI, type SettlementKit } from './settlement-kit';

let kit: SettlementKit;
beforeAll(async () => {
  kit = await startSettlementKit();
});
afterAll(async () => {
  await kit.close();
});

const zhangWei = TRAINING_PATIENTS.find((p) => p.idNumber === ZHANG_WEI)!;

describe('outpatient settlement with a social security card (03)', () => {
  it('identifies 张伟 by card number + 卡识别码 and settles outpatient exactly once, as the hub ledger records it', async () => {
    const p = await kit.call('patient.identify', { certType: '03', certNo: zhangWei.card.cardNumber, cardSn: zhangWei.card.cardIdCode });
    expect([p.name, p.certType, p.typed, p.crossProvince]).toEqual(['张伟', '03', false, true]);

    const lines = await kit.lines(2);
    const pre = await kit.call('outpatient.preSettle', { patientRef: p.patientRef, insutype: '310', medType: '11', diagnoses: [{ code: 'J06.900', name: '急性上呼吸道感染' }], lines, acctUsed: true });
    expect(checkSettlementIdentities({ ...pre.figures })).toEqual([]);
    const done = await kit.call('outpatient.settle', { visitId: pre.visitId });
    expect(done.outcome).toBe('settled');
    expect(done.settlement.state).toBe('settled');

    const ledger = await kit.admin<{ entries: { event: string; msgid: string; medfeeFen: number }[]; summary: { msgidsSettledTwice: string[]; visitsSettledTwice: string[] } }>(`/admin/ledger?mdtrt_id=${pre.mdtrtId}`);
    const settles = ledger.entries.filter((e) => e.event === 'settle');
    expect(settles).toHaveLength(1);
    expect(settles[0]).toMatchObject({ msgid: done.settlement.msgid, medfeeFen: pre.figures.medfee_sumamt });
    expect(ledger.summary).toMatchObject({ msgidsSettledTwice: [], visitsSettledTwice: [] });
  });

  it('still refuses a card whose 卡识别码 does not match (a lost or replaced card)', async () => {
    const e = await kit.fail('patient.identify', { certType: '03', certNo: zhangWei.card.cardNumber, cardSn: '320500D156000005FFFFFFFFFFFFFFFF' });
    expect(e.code).toBe('HUB_BUSINESS');
    expect(e.message).toContain('卡识别码');
  });
});
