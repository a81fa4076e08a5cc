// Delivers host events to the windows (clients) that listen. A client is an Electron window or a
// browser-shell tab; each shell registers a sink per client and forwards events over its channel.
import { events as eventSchemas, type EventName, type EventPayload } from '@src/contract/events';
import { logger } from '@src/platform/logger';

const log = logger('host-events');

export type EventSink = (event: EventName, payload: unknown) => void;

export class HostEvents {
  private readonly sinks = new Map<string, Set<EventSink>>();

  /** Registers a sink for one client; returns the function that removes it. */
  attach(clientId: string, sink: EventSink): () => void {
    let set = this.sinks.get(clientId);
    if (!set) this.sinks.set(clientId, (set = new Set()));
    set.add(sink);
    return () => {
      set.delete(sink);
      if (set.size === 0) this.sinks.delete(clientId);
    };
  }

  /** Sends to one client, or to every client when `clientId` is omitted. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>, clientId?: string): void {
    const parsed = eventSchemas[event].safeParse(payload);
    if (!parsed.success) {
      log.error({ event, issues: parsed.error.issues }, 'event payload does not match the contract; not sent');
      return;
    }
    const targets = clientId === undefined ? [...this.sinks.values()] : [this.sinks.get(clientId) ?? new Set<EventSink>()];
    for (const set of targets) {
      for (const sink of set) {
        try {
          sink(event, parsed.data);
        } catch (e) {
          log.warn({ err: e, event }, 'event sink failed');
        }
      }
    }
  }

  clientCount(): number {
    return this.sinks.size;
  }
}
