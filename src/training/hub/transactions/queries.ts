// Queries: 5203 结算信息查询, 5301 慢特病备案查询, 5304 转院备案查询.
import type { SetlDetail, SetlInfo } from '@src/hub/protocol/settlement';
import { refuse } from '../core/hub-refusal';
import { chronicFilings, requirePerson } from '../core/persons';
import { findSettlement, requireVisit, settlementOutputOf } from '../core/settlement-service';
import type { HandlerMap } from './handler';

export const queryHandlers: HandlerMap = {
  /**
   * With setl_id: that settlement (or cancellation). Without (training extension, see
   * src/hub/protocol/transactions/settlement-query.ts): the visit's latest settlement that was
   * not reversed, so a terminal whose 2207 answer was lost learns whether it went through;
   * setlinfo.medins_setl_id names the msgid that made it.
   */
  '5203': (ctx, input) => {
    const d = input.data;
    requireVisit(ctx, d.mdtrt_id, d.psn_no);
    const setlId = d.setl_id?.trim() ?? '';
    const latest = () =>
      ctx.db.prepare(`SELECT setl_id FROM settlements WHERE mdtrt_id = ? AND kind = 'settle' AND state <> 'reversed' ORDER BY rowid DESC LIMIT 1`).get(d.mdtrt_id) as
        | { setl_id: string }
        | undefined;
    const id = setlId !== '' ? setlId : latest()?.setl_id;
    const row = id === undefined ? undefined : findSettlement(ctx.db, id);
    if (setlId !== '' && (!row || row.mdtrt_id !== d.mdtrt_id || row.psn_no !== d.psn_no)) refuse(`结算ID${setlId}不存在或与就诊ID、人员编号不符`);
    if (!row || row.state === 'reversed') return { setlinfo: null, setldetail: [] as SetlDetail[] };
    const out = settlementOutputOf(ctx, row);
    return { setlinfo: out.setlinfo as SetlInfo, setldetail: out.setldetail };
  },

  '5301': (ctx, input) => {
    requirePerson(ctx.db, input.data.psn_no);
    return {
      feedetail: chronicFilings(ctx.db, input.data.psn_no).map((f) => ({ opsp_dise_code: f.code, opsp_dise_name: f.name, begndate: f.begndate, enddate: f.enddate ?? undefined })),
    };
  },

  '5304': (ctx, input) => {
    const p = requirePerson(ctx.db, input.data.psn_no);
    const rows = ctx.db.prepare("SELECT trt_dcla_detl_sn, begndate, enddate, mdtrtarea_admdvs, revoked FROM filings WHERE psn_no = ? AND kind = 'referral' ORDER BY begndate").all(p.psn_no) as {
      trt_dcla_detl_sn: string;
      begndate: string;
      enddate: string | null;
      mdtrtarea_admdvs: string;
      revoked: number;
    }[];
    return {
      refmedin: rows.map((r) => ({
        trt_dcla_detl_sn: r.trt_dcla_detl_sn,
        psn_no: p.psn_no,
        insutype: p.insutype,
        mdtrtarea_admdvs: r.mdtrtarea_admdvs,
        hosp_agre_refl_flag: '1',
        refl_type: '2',
        refl_date: r.begndate,
        refl_rea: '参保地医疗机构转外就医（训练数据）',
        begndate: r.begndate,
        enddate: r.enddate ?? undefined,
        refl_used_flag: r.revoked === 1 ? '0' : '1',
      })),
    };
  },
};
