// The append-only audit trail (IT admin).
import { z } from 'zod';
import { method } from '../define';

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  terminalId: z.string(),
  operator: z.string().optional(),
  action: z.string(),
  subject: z.string().optional(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** The first entry whose link does not hold, when one does not. */
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
});

export const auditMethods = {
  'audit.list': method({
    summary: 'Recent audit entries, newest first',
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200), beforeSeq: z.number().int().optional(), action: z.string().optional() }).strict(),
    output: z.array(AuditEntrySchema),
    access: ['it_admin'],
  }),
  'audit.verify': method({ summary: 'Check the hash chain', input: z.object({}).strict(), output: AuditVerificationSchema, access: ['it_admin'] }),
};
