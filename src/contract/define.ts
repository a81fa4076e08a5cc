// How a bridge method is declared. The contract (src/contract/methods/*) is the single source of
// truth for the renderer ↔ host API: the Electron preload exposes exactly these names, the browser
// shell routes exactly these names, and the host refuses anything else.
import { z } from 'zod';

export const RoleSchema = z.enum(['cashier', 'pharmacist', 'it_admin']);
export type Role = z.infer<typeof RoleSchema>;

/** Who may call a method: anyone (before sign-in), any signed-in operator, or the listed roles. */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** One line, English, for docs and logs. */
  summary: string;
  input: I;
  output: O;
  access: Access;
  /** True for methods that must still work while the screen is idle-locked (status, unlock). */
  allowWhenLocked?: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

/** No input. */
export const Empty = z.object({}).strict();
/** No output beyond success. */
export const Ok = z.object({ ok: z.literal(true) });
export const OK = { ok: true } as const;

export const SerializedErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

/** What every bridge call resolves to, in both shells. */
export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: z.infer<typeof SerializedErrorSchema> };
