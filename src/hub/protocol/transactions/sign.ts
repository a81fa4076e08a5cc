// 9001 签到 / 9002 签退 (interface.md §2). Implementations sign in once per operator and keep sign_no.
import { z } from 'zod';
import { wire } from '../codecs';

export const SignInInputSchema = z.object({
  signIn: z.object({
    /** 操作员编号 */
    opter_no: wire.text,
    mac: wire.textOpt,
    ip: wire.textOpt,
  }),
});
export const SignInOutputSchema = z.object({
  signinoutb: z.object({
    sign_time: wire.textOpt,
    /** 签到编号, put in every later envelope of this operator. */
    sign_no: wire.text,
  }),
});

export const SignOutInputSchema = z.object({
  signOut: z.object({
    sign_no: wire.text,
    opter_no: wire.text,
  }),
});
export const SignOutOutputSchema = z
  .object({
    signoutoutb: z.object({ sign_time: wire.textOpt }).nullish(),
  })
  .nullish();
