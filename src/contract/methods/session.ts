// Operator sign-in, sign-out and the idle lock.
import { z } from 'zod';
import { Empty, method, Ok, RoleSchema } from '../define';

export const OperatorSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
});
export type Operator = z.infer<typeof OperatorSchema>;

export const SessionStateSchema = z.object({
  signedIn: z.boolean(),
  locked: z.boolean(),
  operator: OperatorSchema.optional(),
  /** Whether the hub sign-in (9001) succeeded; false while the hub is unreachable. */
  hubSignedIn: z.boolean(),
  /** Why the hub sign-in failed, in Chinese, when it did. */
  hubSignInProblem: z.string().optional(),
  idleLockMinutes: z.number().int(),
});
export type SessionState = z.infer<typeof SessionStateSchema>;

const username = z.string().trim().min(1, '请输入工号').max(30, '工号不超过30个字符');
const password = z.string().min(1, '请输入密码').max(128);

export const sessionMethods = {
  'session.state': method({ summary: 'Who is signed in on this window', input: Empty, output: SessionStateSchema, access: 'public', allowWhenLocked: true }),
  'session.login': method({ summary: 'Local sign-in, then hub sign-in (9001)', input: z.object({ username, password }).strict(), output: SessionStateSchema, access: 'public' }),
  'session.logout': method({ summary: 'Hub sign-out (9002), then local sign-out', input: Empty, output: Ok, access: 'signedIn', allowWhenLocked: true }),
  'session.lock': method({ summary: 'Lock the screen (idle or by hand)', input: Empty, output: Ok, access: 'signedIn', allowWhenLocked: true }),
  'session.unlock': method({ summary: "Unlock with the signed-in operator's password", input: z.object({ password }).strict(), output: SessionStateSchema, access: 'signedIn', allowWhenLocked: true }),
  'session.changePassword': method({
    summary: 'Change own password',
    input: z.object({ current: password, next: z.string().min(8, '新密码至少8位').max(128) }).strict(),
    output: Ok,
    access: 'signedIn',
  }),
};
