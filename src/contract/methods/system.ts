// What the terminal is and how it is doing: mode, versions, the status bar.
import { z } from 'zod';
import { Empty, method } from '../define';

export const ModeSchema = z.enum(['training', 'live']);
export type Mode = z.infer<typeof ModeSchema>;

export const SystemInfoSchema = z.object({
  appName: z.string(),
  version: z.string(),
  mode: ModeSchema,
  institutionName: z.string(),
  institutionCode: z.string(),
  institutionKind: z.enum(['hospital', 'pharmacy']),
  terminalId: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  /** Capabilities that are not available in this start, with the reason (Chinese). */
  missing: z.array(z.object({ capability: z.string(), reason: z.string() })),
  /** Hints for the training screen: accounts to try. Empty in live mode. */
  trainingAccounts: z.array(z.object({ username: z.string(), password: z.string(), role: z.string() })),
});
export type SystemInfo = z.infer<typeof SystemInfoSchema>;

export const DeviceStateSchema = z.enum(['connected', 'connecting', 'disconnected', 'error']);
export const DeviceStatusSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.string(),
  state: DeviceStateSchema,
  message: z.string().optional(),
});
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

export const TerminalStatusSchema = z.object({
  mode: ModeSchema,
  hub: z.object({
    state: z.enum(['online', 'offline', 'unknown']),
    latencyMs: z.number().optional(),
    /** ISO time the current state began (how long the hub has been down). */
    since: z.string().optional(),
    lastError: z.string().optional(),
  }),
  devices: z.array(DeviceStatusSchema),
  catalog: z.object({ version: z.string().optional(), rows: z.number().int().optional(), syncing: z.boolean().default(false) }),
  queue: z.object({ depth: z.number().int(), amountFen: z.number().int().default(0), flushing: z.boolean().default(false) }),
});
export type TerminalStatus = z.infer<typeof TerminalStatusSchema>;

export const systemMethods = {
  'system.info': method({ summary: 'Mode, version, institution, missing capabilities', input: Empty, output: SystemInfoSchema, access: 'public', allowWhenLocked: true }),
  'system.status': method({ summary: 'The status bar: hub, devices, catalogue, queue', input: Empty, output: TerminalStatusSchema, access: 'signedIn', allowWhenLocked: true }),
};
