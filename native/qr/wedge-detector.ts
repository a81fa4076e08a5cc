// Tells a keyboard-wedge scanner from a person typing, from key timing alone.
//
// A wedge scanner is a USB keyboard that types a whole code in tens of milliseconds and usually
// ends it with Enter; a person types 3–15 characters a second. A burst of keys counts as a scan
// when it is long enough, its keys follow each other closely (no gap above `maxGapMs`, median gap
// at most `maxMedianGapMs`) and, if configured, it ends with a terminator. The median, not the
// mean, is used so one USB hiccup does not spoil a scan and a typist's rollovers (two keys 15 ms
// apart) do not make typing look like a scan. Thresholds are documented in docs/devices.md.
import type { WedgeKeyEvent } from '@native/transport/transport';

export interface WedgeOptions {
  /** Shortest code accepted as a scan (EAN-8 is 8). Default 8. */
  minLength: number;
  /** A longer pause ends a burst. Default 60 ms. */
  maxGapMs: number;
  /** Median pause within a scan. Default 25 ms. */
  maxMedianGapMs: number;
  /** Keys that end a code. Default Enter and Tab. */
  terminators: readonly string[];
  /** Accept unterminated bursts (scanner configured without a suffix) when the keyboard goes idle. Default true. */
  allowUnterminated: boolean;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = { minLength: 8, maxGapMs: 60, maxMedianGapMs: 25, terminators: ['Enter', 'Tab'], allowUnterminated: true };

export type WedgeResult =
  | { kind: 'scan'; text: string; terminator?: string; durationMs: number }
  /** Keys a person typed: the focused field keeps them. */
  | { kind: 'typing'; text: string };

interface Burst {
  chars: string[];
  times: number[];
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export class WedgeDetector {
  private burst: Burst = { chars: [], times: [] };
  private readonly options: WedgeOptions;

  constructor(options: Partial<WedgeOptions> = {}) {
    this.options = { ...DEFAULT_WEDGE_OPTIONS, ...options };
  }

  /** Feeds events in time order; `flush` means the keyboard went idle (ends an unterminated burst). */
  feed(events: readonly WedgeKeyEvent[], flush = false): WedgeResult[] {
    const out: WedgeResult[] = [];
    for (const e of events) {
      const isTerminator = this.options.terminators.includes(e.key);
      // Modifier and navigation keys (Shift before capitals, arrows) carry no character.
      if (!isTerminator && [...e.key].length !== 1) continue;
      const last = this.burst.times[this.burst.times.length - 1];
      if (last !== undefined && e.t - last > this.options.maxGapMs) this.close(out, undefined);
      if (isTerminator) {
        if (this.burst.chars.length === 0) out.push({ kind: 'typing', text: '' });
        else this.close(out, e.key, e.t);
        continue;
      }
      this.burst.chars.push(e.key);
      this.burst.times.push(e.t);
    }
    if (flush) this.close(out, undefined);
    return out.filter((r) => r.kind === 'scan' || r.text.length > 0);
  }

  /** Characters held while a burst may still be a scan. */
  get pending(): number {
    return this.burst.chars.length;
  }

  private close(out: WedgeResult[], terminator: string | undefined, terminatorAt?: number): void {
    const { chars, times } = this.burst;
    this.burst = { chars: [], times: [] };
    if (chars.length === 0) return;
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    if (terminator !== undefined && terminatorAt !== undefined) gaps.push(terminatorAt - (times[times.length - 1] as number));
    const text = chars.join('');
    const isScan =
      chars.length >= this.options.minLength &&
      median(gaps) <= this.options.maxMedianGapMs &&
      gaps.every((g) => g <= this.options.maxGapMs) &&
      (terminator !== undefined || this.options.allowUnterminated);
    if (isScan) {
      out.push({ kind: 'scan', text, ...(terminator ? { terminator } : {}), durationMs: (terminatorAt ?? (times[times.length - 1] as number)) - (times[0] as number) });
    } else {
      out.push({ kind: 'typing', text });
    }
  }
}
