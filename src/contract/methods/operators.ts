// Local operator accounts (IT admin).
import { z } from 'zod';
import { Empty, method, Ok, RoleSchema } from '../define';

export const OperatorRowSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  lockedUntil: z.string().optional(),
  failedLogins: z.number().int(),
  lastLoginAt: z.string().optional(),
});
export type OperatorRow = z.infer<typeof OperatorRowSchema>;

const newPassword = z.string().min(8, '密码至少8位').max(128);

export const operatorsMethods = {
  'operators.list': method({ summary: 'All operators', input: Empty, output: z.array(OperatorRowSchema), access: ['it_admin'] }),
  'operators.create': method({
    summary: 'Create an operator',
    input: z
      .object({
        username: z.string().trim().regex(/^[A-Za-z0-9_.-]{2,30}$/, '工号为2–30位字母、数字或 _ . -'),
        displayName: z.string().trim().min(1, '请填写姓名').max(50),
        role: RoleSchema,
        password: newPassword,
      })
      .strict(),
    output: OperatorRowSchema,
    access: ['it_admin'],
  }),
  'operators.resetPassword': method({ summary: 'Set a new password and unlock', input: z.object({ id: z.number().int(), password: newPassword }).strict(), output: Ok, access: ['it_admin'] }),
  'operators.unlock': method({ summary: 'Clear a lockout', input: z.object({ id: z.number().int() }).strict(), output: Ok, access: ['it_admin'] }),
  'operators.setDisabled': method({ summary: 'Disable or enable an account', input: z.object({ id: z.number().int(), disabled: z.boolean() }).strict(), output: Ok, access: ['it_admin'] }),
};
