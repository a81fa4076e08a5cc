// patient.identify: 1101 with cert type 01 (ecToken), 02 (ID number) or 03 (card + card_sn),
// then what the hub offers before a visit about filings: 5304 (referral filings) and 5301
// (chronic-disease filings). Cross-province = first two digits of 参保地 and 就医地 differ.
import { describeIdNumberProblem, idNumberProblem } from '@src/common/id-number';
import { AppError } from '@src/common/errors';
import { maskIdNumber } from '@src/common/mask';
import type { Patient } from '@src/contract/methods/settlement';
import { HubError } from '@src/hub/errors';
import type { PersonInfo } from '@src/hub/protocol';
import { logger } from '@src/platform/logger';
import { areaName, INSUTYPE_NAMES, PSN_TYPE_NAMES } from '../labels';
import { startChain, type CounterOperator, type SettlementContext } from '../settlement-context';

const log = logger('settlement-patient');
/** Filing queries are skipped (with a warning) when less than this is left of the budget. */
const FILING_QUERY_MIN_MS = 1500;

export interface IdentifyInput {
  certType: '01' | '02' | '03';
  certNo: string;
  cardSn?: string | undefined;
  typedReason?: string | undefined;
  operationId?: string | undefined;
}

export function isCrossProvince(insuredArea: string, treatmentArea: string): boolean {
  return insuredArea.slice(0, 2) !== treatmentArea.slice(0, 2);
}

/** China date today (filing validity is by date). */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

export async function identifyPatient(ctx: SettlementContext, op: CounterOperator, input: IdentifyInput): Promise<Patient> {
  const certNo = input.certType === '02' ? input.certNo.toUpperCase() : input.certNo;
  if (input.certType === '02') {
    const problem = idNumberProblem(certNo);
    if (problem) throw new AppError({ code: 'SETTLEMENT_ID_NUMBER', message: `身份证号码有误：${describeIdNumberProblem(problem)}`, hint: '请核对后重新输入，或改为读卡/扫码。' });
  }
  if (input.certType === '03' && !input.cardSn) throw new AppError({ code: 'SETTLEMENT_CARD_SN', message: '社会保障卡缺少卡识别码', hint: '请重新读卡。' });
  const chain = startChain(ctx, 'patient', op, input.operationId);
  chain.step('person');
  const r = await ctx.hub.personInfo(
    { data: { mdtrt_cert_type: input.certType, mdtrt_cert_no: certNo, ...(input.cardSn ? { card_sn: input.cardSn } : {}) } },
    { operator: chain.operator, budget: chain.budget },
  );
  const person = r.output;
  const treatmentArea = ctx.config().mdtrtareaAdmvs;
  const warnings: string[] = [];
  if (r.warnMsg) warnings.push(r.warnMsg);
  const insurances = person.insuinfo.map((i) => ({
    insutype: i.insutype,
    insutypeName: INSUTYPE_NAMES[i.insutype] ?? i.insutype,
    psnType: i.psn_type ?? '',
    psnTypeName: PSN_TYPE_NAMES[i.psn_type ?? ''] ?? i.psn_type ?? '',
    insuredArea: i.insuplc_admdvs,
    insuredAreaName: areaName(i.insuplc_admdvs),
    balanceFen: i.balc,
    active: (i.psn_insu_stas ?? '1') === '1',
    crossProvince: isCrossProvince(i.insuplc_admdvs, treatmentArea),
  }));
  if (insurances.length === 0) throw new AppError({ code: 'SETTLEMENT_NOT_INSURED', message: '未查询到该人员的参保信息', hint: '请核对证件；未参保人员按自费收费。' });
  const chosen = insurances.find((i) => i.active) ?? insurances[0]!;
  const crossProvince = chosen.crossProvince;
  const psnNo = person.baseinfo.psn_no;

  const today = chinaToday();
  let filing: Patient['filing'] = crossProvince
    ? { state: 'checkedAtVisit', label: '跨省异地就医：备案由医保中心在挂号/入院/购药时核验', hint: '如被拒绝，请按提示办理备案或按自费结算。' }
    : { state: 'local', label: '本省参保，无需异地就医备案' };
  const chronic: Patient['chronic'] = [];
  if (chain.budget.remainingMs() < FILING_QUERY_MIN_MS) {
    warnings.push('医保中心响应较慢，未查询备案信息');
  } else {
    chain.step('filings');
    const opts = { operator: chain.operator, budget: chain.budget, insuplcAdmdvs: chosen.insuredArea };
    try {
      if (crossProvince) {
        const ref = await ctx.hub.queryReferralFilings({ data: { psn_no: psnNo } }, opts);
        const last = ref.output.refmedin.filter((f) => f.refl_used_flag !== '0').at(-1);
        if (last) {
          const valid = last.begndate <= today && (!last.enddate || last.enddate >= today);
          filing = valid
            ? { state: 'referralValid', label: `异地转诊备案有效（${last.begndate} 至 ${last.enddate ?? '长期'}）`, begin: last.begndate, ...(last.enddate ? { end: last.enddate } : {}) }
            : {
                state: 'referralExpired',
                label: `异地转诊备案不在有效期（${last.begndate} 至 ${last.enddate ?? '长期'}）`,
                begin: last.begndate,
                ...(last.enddate ? { end: last.enddate } : {}),
                hint: '请患者通过国家医保服务平台App或参保地经办机构重新备案；未备案可按自费结算。',
              };
        }
      }
      const c = await ctx.hub.queryChronicFilings({ data: { psn_no: psnNo } }, opts);
      for (const f of c.output.feedetail) {
        chronic.push({ code: f.opsp_dise_code, name: f.opsp_dise_name, begin: f.begndate, ...(f.enddate ? { end: f.enddate } : {}), validToday: f.begndate <= today && (!f.enddate || f.enddate >= today) });
      }
    } catch (e) {
      if (!(e instanceof HubError)) throw e;
      log.warn({ code: e.code }, 'filing queries failed');
      warnings.push(`备案查询未成功：${e.message}`);
    }
  }

  const name = person.baseinfo.psn_name ?? '';
  const idNumber = person.baseinfo.certno ?? (input.certType === '02' ? certNo : '');
  const registered = ctx.patients.add({
    name,
    idNumber,
    certType: input.certType,
    certNo,
    cardSn: input.cardSn,
    person,
    treatmentArea,
    chronicCodes: chronic.filter((c) => c.validToday).map((c) => c.code),
  });
  if (input.typedReason) {
    ctx.audit.append({ action: 'patient.typed', operator: op.code, subject: psnNo, details: { reason: input.typedReason, certType: input.certType } });
  }
  chain.done();
  return {
    patientRef: registered.ref,
    name,
    idMasked: idNumber ? maskIdNumber(idNumber) : '',
    gender: person.baseinfo.gend ?? '',
    age: ageYears(person),
    certType: input.certType,
    typed: Boolean(input.typedReason),
    insurances,
    defaultInsutype: chosen.insutype,
    treatmentArea,
    crossProvince,
    filing,
    chronic,
    warnings,
  };
}

function ageYears(p: PersonInfo): number | null {
  const tenths = p.baseinfo.age;
  return tenths === undefined || tenths === null ? null : Math.floor(tenths / 10);
}

/**
 * A hub refusal at registration/admission/purchase that names the cross-province filing gets the
 * next steps the cashier should give (docs/settlement.md, "Patient identification").
 */
export function filingRefusal(e: unknown): AppError | undefined {
  if (!(e instanceof HubError) || e.outcome !== 'rejected') return undefined;
  const msg = e.message;
  if (/未办理跨省异地就医备案/.test(msg)) {
    return new AppError({ code: 'SETTLEMENT_FILING_MISSING', message: msg, hint: '请患者通过国家医保服务平台App或参保地经办机构办理跨省异地就医备案后再结算；也可按自费结算。', cause: e });
  }
  if (/已过期/.test(msg) && /备案/.test(msg)) {
    return new AppError({ code: 'SETTLEMENT_FILING_EXPIRED', message: msg, hint: '备案已过有效期：请患者重新办理备案（国家医保服务平台App或参保地经办机构）后再结算；也可按自费结算。', cause: e });
  }
  if (/慢特病/.test(msg) && /备案/.test(msg)) {
    return new AppError({ code: 'SETTLEMENT_CHRONIC_FILING', message: msg, hint: '该病种未备案：可按普通门诊（11）结算，或请患者先办理门诊慢特病备案。', cause: e });
  }
  return undefined;
}
