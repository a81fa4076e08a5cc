// The keyboard wedge as a transport: the renderer captures key events and forwards them through
// the contract (devices.wedgeInput); the host feeds them here. One source per window, so two
// windows typing at once never interleave their keys.
import { ListenerSet } from './listener-set';
import type { KeyTransport, WedgeKeyEvent } from './transport';

/** Bound on one forwarded batch: a QR code is at most a few hundred characters. */
export const MAX_WEDGE_BATCH = 2048;

export class WedgeKeySource implements KeyTransport {
  private readonly keys = new ListenerSet<[readonly WedgeKeyEvent[], boolean]>('wedge.keys');

  constructor(readonly id: string) {}

  /** Events from the renderer; out-of-order timestamps are sorted, oversize batches truncated. */
  feed(events: readonly WedgeKeyEvent[], flush = false): void {
    const batch = events.slice(0, MAX_WEDGE_BATCH).filter((e) => typeof e.key === 'string' && Number.isFinite(e.t));
    batch.sort((a, b) => a.t - b.t);
    this.keys.emit(batch, flush);
  }

  onKeys(listener: (events: readonly WedgeKeyEvent[], flush: boolean) => void): () => void {
    return this.keys.add(listener);
  }
}
