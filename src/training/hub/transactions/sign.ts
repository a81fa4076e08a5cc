// 9001 签到 / 9002 签退.
import { formatInfTime } from '@src/hub/protocol/time';
import { refuse } from '../core/hub-refusal';
import { newSignNo } from '../core/ids';
import type { HandlerMap } from './handler';

export const signHandlers: HandlerMap = {
  '9001': (ctx, input) => {
    const opter = input.signIn.opter_no.trim();
    if (opter === '') refuse('操作员编号opter_no不能为空');
    const signNo = newSignNo(ctx.db, ctx.institution.admdvs, ctx.now);
    const signTime = formatInfTime(ctx.now);
    ctx.db.prepare('INSERT INTO sign_ins (sign_no, fixmedins_code, opter_no, sign_time) VALUES (?, ?, ?, ?)').run(signNo, ctx.institution.code, opter, signTime);
    return { signinoutb: { sign_time: signTime, sign_no: signNo } };
  },
  '9002': (ctx, input) => {
    const row = ctx.db.prepare('SELECT fixmedins_code, signed_out_at FROM sign_ins WHERE sign_no = ?').get(input.signOut.sign_no) as
      | { fixmedins_code: string; signed_out_at: string | null }
      | undefined;
    if (!row || row.fixmedins_code !== ctx.institution.code) refuse(`签到编号${input.signOut.sign_no}不存在`);
    const signTime = formatInfTime(ctx.now);
    if (row.signed_out_at === null) ctx.db.prepare('UPDATE sign_ins SET signed_out_at = ? WHERE sign_no = ?').run(signTime, input.signOut.sign_no);
    else ctx.warn('该签到编号已签退');
    return { signoutoutb: { sign_time: row.signed_out_at ?? signTime } };
  },
};
