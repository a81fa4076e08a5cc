// A set of callbacks where one failing listener never breaks the others or the I/O path that
// called it: a bug in a screen's handler must not turn into an unplugged reader or a crashed host.
import { logger } from '@src/platform/logger';

const log = logger('listeners');

export class ListenerSet<A extends unknown[]> {
  private readonly listeners = new Set<(...args: A) => void>();

  constructor(private readonly name: string) {}

  add(listener: (...args: A) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(...args: A): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(...args);
      } catch (e) {
        log.error({ err: e, listener: this.name }, 'listener threw; ignored');
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }

  clear(): void {
    this.listeners.clear();
  }
}
