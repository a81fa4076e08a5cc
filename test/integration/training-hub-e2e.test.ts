// End to end through the terminal itself: a training-mode host starts the embedded training hub,
// points the hub client (src/hub) at it, and a whole cross-province settlement runs through the
// client: e-voucher → 1101 → register → fees → pre-settle → settle → cancel; a patient without a
// filing is refused with the hub's err_msg as the cashier will read it; a catalogue downloads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineAmount, parseScaled, SCALE } from '@src/common/money';
import { HubBusinessError } from '@src/hub/errors';
import { insuplcAdmdvsOf } from '@src/hub/hub';
import { checkSettlementIdentities, formatInfTime } from '@src/hub/protocol';
import { TRAINING_PATIENTS, type TrainingPatient } from '@src/training/fixtures/training-patients';
import { startTestHost, type TestHost } from '../helpers/test-host';

const patient = (name: string): TrainingPatient => TRAINING_PATIENTS.find((p) => p.name === name)!;
const cashier = { id: 1, username: 'sy01', displayName: '王小红', role: 'cashier' as const };

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ mode: 'training', trainingInstitution: 'hospital', role: 'tool' });
});
afterAll(async () => {
  await host?.close();
});

async function operator() {
  const { signNo } = await host.services.hub.signIn.signIn(cashier);
  return { code: cashier.username, name: cashier.displayName, signNo };
}

describe('terminal ↔ embedded training hub (training mode)', () => {
  it('starts the embedded hub on 127.0.0.1 and points the hub client at it', () => {
    expect(host.services.missing.map((m) => m.capability)).not.toContain('trainingHub');
    expect(host.services.hub.endpoint()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/fsi\/api\/rsfComIfsService\/callService$/);
  });

  it('settles 张伟 cross-province from his e-voucher, and cancels', async () => {
    const p = patient('张伟');
    const hub = host.services.hub;
    const op = await operator();
    const budget = hub.settlementBudget();
    const ec = await hub.ecQuery(
      { orgId: 'H31010100001', transType: 'ec.query', data: { orgId: 'H31010100001', businessType: '01101', operatorId: 'sy01', operatorName: '王小红', officeId: '01', officeName: '门诊', ecQrCode: p.ecQrPayload } },
      { budget },
    );
    expect(ec.idNo).toBe(p.idNumber);
    const person = await hub.personInfo({ data: { mdtrt_cert_type: '01', mdtrt_cert_no: ec.ecToken } }, { operator: op, budget });
    const opts = { operator: op, budget, insuplcAdmdvs: insuplcAdmdvsOf(person.output, p.insutype), context: 'e2e:张伟' };
    const psn = person.output.baseinfo.psn_no;
    const begntime = formatInfTime(new Date());
    const cert = { mdtrt_cert_type: '01', mdtrt_cert_no: ec.ecToken };
    const reg = await hub.register({ data: { psn_no: psn, insutype: p.insutype, begntime, ...cert, ipt_otp_no: `E2E${Date.now()}`, dept_code: '0101', dept_name: '内科门诊', caty: 'A03' } }, opts);
    const mdtrtId = reg.output.data.mdtrt_id;
    await hub.uploadVisitInfo({ mdtrtinfo: { mdtrt_id: mdtrtId, psn_no: psn, med_type: '11', begntime }, diseinfo: [] }, opts);
    const sample = (await (await fetch(new URL('/admin/catalog/sample?infno=1301&count=3&class=02', hub.endpoint()))).json()) as { rows: { code: string; priceCap: string | null }[] };
    const lines = sample.rows.map((r, i) => {
      const price = r.priceCap === null ? 1_500_000 : parseScaled(r.priceCap, SCALE.price);
      return { feedetl_sn: `${i + 1}`, mdtrt_id: mdtrtId, psn_no: psn, chrg_bchno: '1', fee_ocur_time: begntime, med_list_codg: r.code, medins_list_codg: r.code, det_item_fee_sumamt: lineAmount(price, 20_000), cnt: 20_000, pric: price, hosp_appr_flag: '1' };
    });
    await hub.uploadOutpatientFees({ feedetail: lines }, opts);
    const total = lines.reduce((s, l) => s + l.det_item_fee_sumamt, 0);
    const base = { psn_no: psn, ...cert, med_type: '11', medfee_sumamt: total, psn_setlway: '01', mdtrt_id: mdtrtId, chrg_bchno: '1', acct_used_flag: '1', insutype: p.insutype };
    const pre = await hub.preSettleOutpatient({ data: base }, opts);
    const s = pre.output.setlinfo;
    const settled = await hub.settleOutpatient({ data: { ...base, fulamt_ownpay_amt: s.fulamt_ownpay_amt, overlmt_selfpay: s.overlmt_selfpay, preselfpay_amt: s.preselfpay_amt, inscp_scp_amt: s.inscp_scp_amt } }, opts);
    expect(checkSettlementIdentities(settled.output.setlinfo)).toEqual([]);
    expect(settled.output.setlinfo.medfee_sumamt).toBe(total);
    expect(settled.output.setlinfo.fund_pay_sumamt).toBe(s.fund_pay_sumamt);
    expect(settled.output.setlinfo.medins_setl_id).toBe(settled.msgid);
    const cancel = await hub.cancelOutpatientSettlement({ data: { setl_id: settled.output.setlinfo.setl_id, mdtrt_id: mdtrtId, psn_no: psn } }, { ...opts, budget: hub.settlementBudget() });
    expect(cancel.output.setlinfo.medfee_sumamt).toBe(-total);
  });

  it('refuses 陈刚 (no filing) with the hub\'s err_msg, shown as is', async () => {
    const p = patient('陈刚');
    const hub = host.services.hub;
    const op = await operator();
    const budget = hub.settlementBudget();
    const person = await hub.personInfo({ data: { mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber } }, { operator: op, budget });
    const opts = { operator: op, budget, insuplcAdmdvs: insuplcAdmdvsOf(person.output, p.insutype), context: 'e2e:陈刚' };
    const err = await hub
      .register({ data: { psn_no: person.output.baseinfo.psn_no, insutype: p.insutype, begntime: formatInfTime(new Date()), mdtrt_cert_type: '02', mdtrt_cert_no: p.idNumber, ipt_otp_no: `E2E${Date.now()}`, dept_code: '01', dept_name: '内科', caty: 'A03' } }, opts)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubBusinessError);
    expect((err as HubBusinessError).message).toContain('参保人未办理跨省异地就医备案');
  });

  it('downloads a catalogue file through 1302 + 9102', async () => {
    const hub = host.services.hub;
    const op = await operator();
    const prepared = await hub.call('1302', { data: { ver: '0' } }, { operator: op });
    const file = await hub.client.download({ fsDownloadIn: { file_qury_no: prepared.output.file_qury_no, filename: 'plc', fixmedins_code: 'H31010100001' } }, { operator: op });
    const chunks: Buffer[] = [];
    for await (const c of file.stream as AsyncIterable<Buffer>) chunks.push(c);
    const zip = Buffer.concat(chunks);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(prepared.output.data_cnt).toBeGreaterThan(1000);
  });
});
