import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, decodeEcResponse, decodeRequest, decodeResponse, encodeEcRequest, encodeRequest, encodeResponse, parseWireJson, stringifyWire, WireEncodeError, type RequestHeaderFields } from './wire';
import type { TxInput, TxOutput } from './transactions';

const header: RequestHeaderFields = {
  msgid: 'H31010100001202403010830050007',
  mdtrtarea_admvs: '310000',
  insuplc_admdvs: '320500',
  recer_sys_code: 'YBXT',
  infver: 'V1.0',
  opter_type: '1',
  opter: 'sy01',
  opter_name: '王小红',
  inf_time: '2024-03-01 08:30:05',
  fixmedins_code: 'H31010100001',
  fixmedins_name: '上海市训练示范医院',
  sign_no: '310000202403010830000000000001',
};

const settleInput: TxInput<'2207'> = {
  data: {
    psn_no: 'P320500000001', mdtrt_cert_type: '02', mdtrt_cert_no: '320501197203150018', med_type: '11', medfee_sumamt: 12345,
    psn_setlway: '01', mdtrt_id: 'M1', chrg_bchno: 'B1', acct_used_flag: '1', insutype: '310',
    fulamt_ownpay_amt: 0, overlmt_selfpay: 0, preselfpay_amt: 345, inscp_scp_amt: 12000,
  },
};

const settleOutput: TxOutput<'2207'> = {
  setlinfo: {
    mdtrt_id: 'M1', setl_id: 'S1', psn_no: 'P320500000001', medfee_sumamt: 12345, fulamt_ownpay_amt: 0, overlmt_selfpay: 0,
    preselfpay_amt: 345, inscp_scp_amt: 12000, act_pay_dedc: 0, hifp_pay: 8000, cvlserv_pay: 0, hifes_pay: 0, hifmi_pay: 0,
    hifob_pay: 0, maf_pay: 0, oth_pay: 0, hifdm_pay: 0, fund_pay_sumamt: 8000, psn_part_amt: 4345, acct_pay: 4000,
    psn_cash_pay: 345, hosp_part_amt: 0, acct_mulaid_pay: 0, medins_setl_id: header.msgid, pool_prop_selfpay: 7000,
  },
  setldetail: [{ fund_pay_type: '310100', inscp_scp_amt: 12000, fund_payamt: 8000, fund_pay_type_name: '统筹基金' }],
};

describe('request envelopes, client → hub', () => {
  it('carry every header field and the input with wire decimals', () => {
    const body = stringifyWire(encodeRequest('2207', header, settleInput));
    expect(body).toContain('"infno":"2207"');
    expect(body).toContain('"medfee_sumamt":123.45');
    expect(body).toContain('"preselfpay_amt":3.45');
    const decoded = decodeRequest(body);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.infno).toBe('2207');
    expect(decoded.header).toMatchObject({ ...header, infno: '2207' });
    expect(decoded.input).toEqual(settleInput);
    expect(decoded.spec.kind).toBe('effect');
  });

  it('refuse a float amount or a bad header before anything is sent', () => {
    const bad = { data: { ...settleInput.data, medfee_sumamt: 123.45 } };
    expect(() => encodeRequest('2207', header, bad)).toThrow(WireEncodeError);
    expect(() => encodeRequest('2207', { ...header, msgid: 'short' }, settleInput)).toThrow(/msgid/);
  });

  it('are checked by the hub stage by stage', () => {
    expect(decodeRequest('{nope')).toMatchObject({ ok: false, stage: 'json' });
    expect(decodeRequest('{"infno":"2207"}')).toMatchObject({ ok: false, stage: 'envelope' });
    const unknown = stringifyWire({ ...encodeRequest('2207', header, settleInput), infno: '7777' });
    expect(decodeRequest(unknown)).toMatchObject({ ok: false, stage: 'infno' });
    const noInput = stringifyWire({ ...encodeRequest('2207', header, settleInput), input: { data: {} } });
    expect(decodeRequest(noInput)).toMatchObject({ ok: false, stage: 'input' });
  });
});

describe('responses, hub → client', () => {
  const times = { inf_refmsgid: '310000202403010830050000000001', refmsg_time: '20240301083005123', respond_time: '20240301083005200' };

  it('round-trip a settlement with integer amounts', () => {
    const text = encodeResponse('2207', { infcode: 0, ...times, output: settleOutput });
    expect(text).toContain('"infcode":0');
    expect(text).toContain('"psn_cash_pay":3.45');
    const r = decodeResponse('2207', text);
    expect(r.kind).toBe('success');
    if (r.kind === 'success') expect(r.output).toEqual({ ...settleOutput, setlinfo: { ...settleOutput.setlinfo } });
  });

  it('report a refusal with the hub\'s err_msg', () => {
    const text = encodeResponse('2207', { infcode: -1, ...times, err_msg: '参保人未办理跨省异地就医备案' });
    const r = decodeResponse('2207', text);
    expect(r).toMatchObject({ kind: 'failure', header: { infcode: -1, err_msg: '参保人未办理跨省异地就医备案' } });
  });

  it('call a success without inf_refmsgid, or with a wrong output, malformed', () => {
    expect(decodeResponse('2207', '{"infcode":0,"output":{}}')).toMatchObject({ kind: 'malformed', stage: 'envelope' });
    expect(decodeResponse('2207', `{"infcode":0,"inf_refmsgid":"x","output":{"setlinfo":{}}}`)).toMatchObject({ kind: 'malformed', stage: 'output' });
    expect(decodeResponse('2207', '<html>502</html>')).toMatchObject({ kind: 'malformed', stage: 'json' });
    expect(decodeResponse('2207', '[1]')).toMatchObject({ kind: 'malformed', stage: 'json' });
  });

  it('never throw on garbage: every answer decodes to one of the three kinds', () => {
    const anyJson = fc.jsonValue().map((v) => JSON.stringify(v));
    const envelopeLike = fc.record({ infcode: fc.oneof(fc.integer(), fc.string(), fc.constant(null)), inf_refmsgid: fc.oneof(fc.string(), fc.constant(null)), output: fc.jsonValue() }, { requiredKeys: [] }).map((v) => JSON.stringify(v));
    fc.assert(
      fc.property(fc.oneof(fc.string(), anyJson, envelopeLike), fc.constantFrom('2207', '1101', '9001', '2601', '5203', '1301') as fc.Arbitrary<'2207'>, (text, infno) => {
        const r = decodeResponse(infno, text);
        return r.kind === 'success' || r.kind === 'failure' || r.kind === 'malformed';
      }),
      { numRuns: 2000 },
    );
  });
});

describe('canonical JSON (journal digest)', () => {
  it('ignores key order and keeps exact number text', () => {
    expect(canonicalJson(parseWireJson('{"b":1.50,"a":[2,{"d":null,"c":"x"}]}'))).toBe('{"a":[2,{"c":"x","d":null}],"b":1.50}');
  });
});

describe('ec.query', () => {
  it('round-trips the EC SDK shapes', () => {
    const body = encodeEcRequest({ orgId: 'H31010100001', transType: 'ec.query', data: { orgId: 'H31010100001', businessType: '01301', operatorId: 'sy01', operatorName: '王小红', officeId: 'D01', officeName: '门诊收费', ecQrCode: 'QR' } });
    expect(JSON.parse(body)).toMatchObject({ transType: 'ec.query', data: { ecQrCode: 'QR' } });
    const r = decodeEcResponse('{"code":0,"data":{"idNo":"320501197203150018","idType":"01","userName":"张伟","ecToken":"T","insuOrg":"320500"}}');
    expect(r).toMatchObject({ ok: true, response: { code: 0, data: { ecToken: 'T', insuOrg: '320500' } } });
    expect(decodeEcResponse('{"code":"x"}')).toMatchObject({ ok: false, stage: 'shape' });
  });
});
