// The filing rules, through HTTP, with the seven training patients.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TRAINING_PATIENTS, type TrainingPatient } from '@src/training/fixtures/training-patients';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import type { TrainingHub } from '@src/training/hub/training-hub';
import type { MinimalHubClient } from '@src/training/hub/testing/minimal-hub-client';
import { signedInClient, startTempTrainingHub, type TempTrainingHub } from '@src/training/hub/testing/temp-training-hub';
import { findRows, lineFromCatalog, registerOutpatient, settleOutpatient } from '@src/training/hub/testing/visit-scenarios';
import { formatInfTime } from '@src/hub/protocol/time';
import { lineAmount } from '@src/common/money';

const patient = (name: string): TrainingPatient => TRAINING_PATIENTS.find((p) => p.name === name)!;

let fixture: TempTrainingHub;
let hub: TrainingHub;
let client: MinimalHubClient;
const catalog = new TrainingCatalog({ feeItemRows: 6_000 });

beforeAll(async () => {
  fixture = await startTempTrainingHub('training-hub-filings-', catalog);
  hub = fixture.hub;
});
afterAll(() => fixture.close());
beforeEach(async () => {
  client = await signedInClient(hub, { reset: true });
});

function serviceLines() {
  const [a, b] = findRows(catalog, '1305', 2, (r) => r.chrgitmLv === '01' && r.lmtUsedFlag === '0');
  return [lineFromCatalog(catalog, '1305', a!, 10_000), lineFromCatalog(catalog, '1305', b!, 20_000)];
}

async function register(p: TrainingPatient) {
  client.insuredArea = p.insuredArea;
  return client.call('2201', {
    data: { psn_no: p.psnNo, insutype: p.insutype, begntime: formatInfTime(hub.clock.now()), mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber, ipt_otp_no: `MZ${Math.random()}`, dept_code: '01', dept_name: '内科', caty: 'A03' },
  });
}

describe('training hub filing rules (seven training patients)', () => {
  it('张伟 (苏州, 异地长期居住) settles cross-province', async () => {
    const out = await settleOutpatient(client, patient('张伟'), serviceLines());
    expect(out.settled.setlinfo.setl_id).toBeTruthy();
    expect(out.settled.setlinfo.hifp_pay).toBeGreaterThanOrEqual(0);
  });

  it('李娜 (合肥, 临时外出就医 begun 30 days ago) settles, with the temporary reduction in the ratio', async () => {
    const out = await settleOutpatient(client, patient('李娜'), serviceLines());
    expect(out.settled.setlinfo.setl_id).toBeTruthy();
    // 合肥 residents, level-3 outpatient 50 %, minus 10 points for a temporary filing.
    expect(out.settled.setlinfo.pool_prop_selfpay).toBe(4000);
  });

  it('王芳 (成都, 异地安置退休 + 慢特病高血压) settles as 门诊慢特病 for hypertension, but not for diabetes', async () => {
    const out = await settleOutpatient(client, patient('王芳'), serviceLines(), { medType: '14', diseaseCode: 'M03900' });
    expect(out.settled.setlinfo.med_type).toBe('14');
    const mdtrtId = await registerOutpatient(client, patient('王芳'));
    const r = await client.call('2203', {
      mdtrtinfo: { mdtrt_id: mdtrtId, psn_no: patient('王芳').psnNo, med_type: '14', begntime: formatInfTime(new Date()), dise_codg: 'E11.900' },
      diseinfo: [],
    });
    expect(r.infcode).toBe(-1);
    expect(r.errMsg).toContain('未办理门诊慢特病（糖尿病）备案');
  });

  it('陈刚 (嘉兴, no filing) is refused with an err_msg naming the missing filing', async () => {
    const r = await register(patient('陈刚'));
    expect(r.infcode).toBe(-1);
    expect(r.errMsg).toContain('参保人未办理跨省异地就医备案');
  });

  it('刘洋 (上海, local) needs no filing', async () => {
    const out = await settleOutpatient(client, patient('刘洋'), serviceLines());
    expect(out.settled.setlinfo.setl_id).toBeTruthy();
  });

  it('孙磊 (北京, 临时外出就医 begun 8 months ago) is refused: the filing expired', async () => {
    const r = await register(patient('孙磊'));
    expect(r.infcode).toBe(-1);
    expect(r.errMsg).toMatch(/临时外出就医.*已过期/);
  });

  it('赵敏 (重庆, 异地转诊) is admitted and settles as an inpatient', async () => {
    const p = patient('赵敏');
    client.insuredArea = p.insuredArea;
    const adm = await client.ok('2401', {
      mdtrtinfo: { psn_no: p.psnNo, insutype: p.insutype, begntime: formatInfTime(hub.clock.now()), mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber, med_type: '21', ipt_no: 'ZY0001', adm_dept_codg: '03', adm_dept_name: '心内科', dise_codg: 'I20.000' },
      diseinfo: [],
    });
    const mdtrtId = adm.result.mdtrt_id;
    const lines = serviceLines();
    await client.ok('2301', {
      feedetail: lines.map((l, i) => ({ feedetl_sn: `Z${i}`, mdtrt_id: mdtrtId, psn_no: p.psnNo, med_type: '21', fee_ocur_time: formatInfTime(new Date()), med_list_codg: l.code, medins_list_codg: l.code, det_item_fee_sumamt: lineAmount(l.price, l.quantity), cnt: l.quantity, pric: l.price })),
    });
    await client.ok('2402', { dscginfo: { mdtrt_id: mdtrtId, psn_no: p.psnNo, insutype: p.insutype, endtime: formatInfTime(new Date(hub.clock.nowMs() + 1000)) }, diseinfo: [] });
    const total = lines.reduce((s, l) => s + lineAmount(l.price, l.quantity), 0);
    const base = { psn_no: p.psnNo, mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber, medfee_sumamt: total, psn_setlway: '01', mdtrt_id: mdtrtId, insutype: p.insutype, acct_used_flag: '1', mid_setl_flag: '0' };
    const pre = await client.ok('2303', { data: base });
    const settled = await client.ok('2304', { data: base });
    expect(settled.setlinfo.medfee_sumamt).toBe(pre.setlinfo.medfee_sumamt);
    expect(settled.setlinfo.fund_pay_sumamt).toBe(pre.setlinfo.fund_pay_sumamt);
    expect(settled.setlinfo.clr_type).toBe('21');
  });

  it('an inpatient admitted inside a temporary filing settles after the filing expired', async () => {
    const p = patient('李娜');
    client.insuredArea = p.insuredArea;
    const adm = await client.ok('2401', {
      mdtrtinfo: { psn_no: p.psnNo, insutype: p.insutype, begntime: formatInfTime(hub.clock.now()), mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber, med_type: '21', ipt_no: 'ZY0002', adm_dept_codg: '03', adm_dept_name: '外科' },
      diseinfo: [],
    });
    // 李娜's filing began 30 days ago and lasts 6 months: 200 days later it has expired.
    await client.admin('POST', '/admin/clock', { advanceDays: 200 });
    const fresh = await register(p);
    expect(fresh.errMsg).toMatch(/已过期/);
    const mdtrtId = adm.result.mdtrt_id;
    const [line] = serviceLines();
    const amount = lineAmount(line!.price, line!.quantity);
    await client.ok('2301', { feedetail: [{ feedetl_sn: '1', mdtrt_id: mdtrtId, psn_no: p.psnNo, med_type: '21', fee_ocur_time: hub.clock.infTime(), med_list_codg: line!.code, medins_list_codg: line!.code, det_item_fee_sumamt: amount, cnt: line!.quantity, pric: line!.price }] });
    await client.ok('2402', { dscginfo: { mdtrt_id: mdtrtId, psn_no: p.psnNo, insutype: p.insutype, endtime: hub.clock.infTime() }, diseinfo: [] });
    const settled = await client.ok('2304', { data: { psn_no: p.psnNo, mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber, medfee_sumamt: amount, psn_setlway: '01', mdtrt_id: mdtrtId, insutype: p.insutype, acct_used_flag: '0', mid_setl_flag: '0' } });
    expect(settled.setlinfo.setl_id).toBeTruthy();
  });
});
