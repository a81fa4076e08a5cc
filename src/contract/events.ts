// Event streams from the host to the renderer. Each feature adds its stream here.
import { z } from 'zod';
import { catalogEvents } from './methods/catalog';
import { devicesEvents } from './methods/devices';
import { queueEvents } from './methods/queue';
import { SessionStateSchema } from './methods/session';
import { settlementEvents } from './methods/settlement';
import { TerminalStatusSchema } from './methods/system';

export const events = {
  /** The status bar changed (hub, devices, catalogue, queue). */
  'status.changed': TerminalStatusSchema,
  /** This window's session changed (signed out elsewhere, locked by idle timer on the host). */
  'session.changed': SessionStateSchema,
  /** A notice for the operator (Chinese), e.g. what recovery did after a restart. */
  'notice': z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string(), hint: z.string().optional() }),
  ...devicesEvents,
  ...queueEvents,
  ...catalogEvents,
  ...settlementEvents,
};

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];
