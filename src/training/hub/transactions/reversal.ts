// 2601 冲正: undoes the transaction sent with omsgid, as if it had never reached the hub.
//
// - The original went through: its effect is undone (settlement → lines unsettled, accumulators
//   and account restored; cancellation → settlement in force again; registration/admission →
//   visit cancelled; upload → lines removed; discharge → back in hospital).
// - Already reversed: success again, nothing done (2601 is idempotent).
// - The original failed (infcode -1): nothing to undo, success.
// - The hub never saw the original: the msgid is registered as reversed, so if it arrives late it
//   is refused instead of settling behind the terminal's back. Success.
import { formatInfTime } from '@src/hub/protocol/time';
import type { Effect } from '../core/hub-context';
import { refuse } from '../core/hub-refusal';
import { findSettlement, findVisit, reverseCancellation, reverseSettlement } from '../core/settlement-service';
import type { HandlerMap } from './handler';
import { cancelVisit } from '../core/visit-lifecycle';

interface MessageRow {
  msgid: string;
  infno: string;
  fixmedins_code: string;
  infcode: number;
  effect: string | null;
  reversed_by: string | null;
}

export const reversalHandlers: HandlerMap = {
  '2601': (ctx, input) => {
    const { psn_no: psnNo, omsgid, oinfno } = input.data;
    if (omsgid === ctx.header.msgid) refuse('原发送方报文ID不能是本冲正报文自身');
    const original = ctx.db.prepare('SELECT msgid, infno, fixmedins_code, infcode, effect, reversed_by FROM messages WHERE msgid = ?').get(omsgid) as MessageRow | undefined;
    const reversal = { msgid: ctx.header.msgid, omsgid, oinfno };

    if (!original) {
      if (!omsgid.startsWith(ctx.institution.code)) refuse(`原发送方报文ID${omsgid}不属于本机构`);
      ctx.db.prepare('INSERT OR IGNORE INTO reversed_unknown (omsgid, oinfno, reversal_msgid, at) VALUES (?, ?, ?, ?)').run(omsgid, oinfno, ctx.header.msgid, formatInfTime(ctx.now));
      ctx.warn('原交易未到达医保中心，已登记冲正；该报文之后到达将被拒绝');
      return null;
    }
    if (original.fixmedins_code !== ctx.institution.code) refuse(`原发送方报文ID${omsgid}不属于本机构`);
    if (original.infno !== oinfno) refuse(`原交易编号${oinfno}与原报文的交易编号${original.infno}不符`);
    if (original.reversed_by !== null) {
      ctx.warn(`原交易已于此前冲正（冲正报文${original.reversed_by}），无需重复冲正`);
      return null;
    }
    if (original.infcode !== 0) {
      ctx.warn('原交易未成功，无需冲正');
      return null;
    }
    if (original.effect === null) refuse(`交易【${original.infno}】不涉及医保中心数据变更，不支持冲正`);

    const effect = JSON.parse(original.effect) as Effect;
    switch (effect.type) {
      case 'settle': {
        const s = findSettlement(ctx.db, effect.setlId);
        if (s && s.psn_no !== psnNo) refuse('人员编号与原交易不符');
        reverseSettlement(ctx, effect.setlId, reversal);
        break;
      }
      case 'cancel': {
        const s = findSettlement(ctx.db, effect.setlId);
        if (s && s.psn_no !== psnNo) refuse('人员编号与原交易不符');
        reverseCancellation(ctx, effect.setlId, effect.cancelSetlId, reversal);
        break;
      }
      case 'register': {
        const v = findVisit(ctx.db, effect.mdtrtId);
        if (!v) refuse('原交易的就诊记录不存在');
        if (v.psn_no !== psnNo) refuse('人员编号与原交易不符');
        if (v.state !== 'cancelled') cancelVisit(ctx, v);
        break;
      }
      case 'upload': {
        const settled = ctx.db.prepare('SELECT COUNT(*) AS n FROM fee_lines WHERE mdtrt_id = ? AND msgid = ? AND setl_id IS NOT NULL').get(effect.mdtrtId, omsgid) as { n: number };
        if (settled.n > 0) refuse('原上传的费用明细已结算，请先撤销结算后再冲正');
        ctx.db.prepare('DELETE FROM fee_lines WHERE mdtrt_id = ? AND msgid = ?').run(effect.mdtrtId, omsgid);
        break;
      }
      case 'discharge': {
        const final = ctx.db.prepare(`SELECT 1 FROM settlements WHERE mdtrt_id = ? AND kind = 'settle' AND state = 'settled' AND mid_setl_flag = '0'`).get(effect.mdtrtId);
        if (final) refuse('已办理出院结算，请先撤销结算后再冲正出院');
        ctx.db.prepare("UPDATE visits SET state = 'open', endtime = NULL WHERE mdtrt_id = ? AND state = 'discharged'").run(effect.mdtrtId);
        break;
      }
    }
    ctx.db.prepare('UPDATE messages SET reversed_by = ? WHERE msgid = ?').run(ctx.header.msgid, omsgid);
    return null;
  },
};
