// Keyboard-wedge input from the windows: one key source and one detector per window (client), so
// two windows typing never mix their keys. Scans go to the scan router; typing stays where it was
// typed. Windows come and go (a browser tab per reload), so only the most recent ones are kept.
import { WedgeKeySource } from '@native/transport/wedge-key-source';
import type { WedgeKeyEvent } from '@native/transport/transport';
import { WedgeDetector, type WedgeOptions, type WedgeResult } from '@native/qr/wedge-detector';

export const WEDGE_DEVICE_ID = 'keyboard-wedge';
const MAX_WINDOWS = 32;

interface WindowInput {
  source: WedgeKeySource;
  results: WedgeResult[];
}

export class WedgeInput {
  private readonly windows = new Map<string, WindowInput>();

  constructor(
    private readonly options: () => Partial<WedgeOptions>,
    /** A scan from window `clientId` (its operator is the one on duty for ec.query). */
    private readonly onScan: (text: string, clientId: string) => void,
  ) {}

  feed(clientId: string, events: readonly WedgeKeyEvent[], flush: boolean): WedgeResult[] {
    const w = this.window(clientId);
    w.source.feed(events, flush);
    const results = w.results.splice(0);
    for (const r of results) if (r.kind === 'scan') this.onScan(r.text, clientId);
    return results;
  }

  /** A window went away. */
  forget(clientId: string): void {
    this.windows.delete(clientId);
  }

  /** The thresholds changed (configuration). */
  reset(): void {
    this.windows.clear();
  }

  private window(clientId: string): WindowInput {
    const w = this.windows.get(clientId);
    if (w) {
      // Most recently used last, so the oldest window is the first to go.
      this.windows.delete(clientId);
      this.windows.set(clientId, w);
      return w;
    }
    const detector = new WedgeDetector(this.options());
    const created: WindowInput = { source: new WedgeKeySource(`wedge:${clientId}`), results: [] };
    created.source.onKeys((batch, flush) => created.results.push(...detector.feed(batch, flush)));
    this.windows.set(clientId, created);
    while (this.windows.size > MAX_WINDOWS) this.windows.delete(this.windows.keys().next().value as string);
    return created;
  }
}
