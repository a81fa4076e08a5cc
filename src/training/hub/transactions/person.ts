// 1101 人员信息获取: by ecToken (01), ID number (02) or social security card number + 卡识别码 (03).
import { refuse } from '../core/hub-refusal';
import { ageTenths, resolveCertificate } from '../core/persons';
import type { HandlerMap } from './handler';

export const personHandlers: HandlerMap = {
  '1101': (ctx, input) => {
    const d = input.data;
    const p = resolveCertificate(ctx.db, { type: d.mdtrt_cert_type, no: d.mdtrt_cert_no, cardSn: d.card_sn }, ctx.clock.nowMs(), true);
    if (d.psn_name && d.psn_name.trim() !== '' && d.psn_name.trim() !== p.psn_name) refuse('姓名与参保信息不符，请核对参保人姓名');
    if (d.certno && d.certno.trim() !== '' && d.certno.trim().toUpperCase() !== p.certno) refuse('证件号码与就诊凭证不符，请核对');
    return {
      baseinfo: {
        psn_no: p.psn_no,
        psn_cert_type: p.psn_cert_type,
        certno: p.certno,
        psn_name: p.psn_name,
        gend: p.gend,
        naty: p.naty,
        brdy: p.brdy,
        age: ageTenths(p.brdy, ctx.clock.today()),
      },
      insuinfo: [
        {
          balc: p.account_balance_fen,
          insutype: p.insutype,
          psn_type: p.psn_type,
          psn_insu_stas: '1',
          psn_insu_date: p.psn_insu_date,
          cvlserv_flag: p.cvlserv_flag,
          insuplc_admdvs: p.insuplc_admdvs,
          emp_name: p.emp_name === '' ? undefined : p.emp_name,
        },
      ],
      idetinfo: [],
    };
  },
};
