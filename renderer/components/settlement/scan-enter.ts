// Tells, as the keys arrive, whether an Enter ends a keyboard-wedge scanner's burst. The host
// decides what a burst was (devices.wedgeInput) only after the keys have reached the page, too late
// to keep the scanner's Enter from also submitting the focused field's form (the typed ID number)
// or picking a search answer (the drug search): the counter screens ask this detector first and
// swallow such an Enter. Same rule and thresholds as the host's detector (native/qr/wedge-detector,
// DEFAULT_WEDGE_CONFIG): at least `minLength` characters, every pause ≤ `maxGapMs`, median pause ≤
// `maxMedianGapMs`, the Enter included. A person cannot type that fast, so typing is never swallowed.
import { DEFAULT_WEDGE_CONFIG } from '@src/contract/devices-config';

export interface ScanTiming {
  minLength: number;
  maxGapMs: number;
  maxMedianGapMs: number;
}

export const SCAN_TIMING: ScanTiming = {
  minLength: DEFAULT_WEDGE_CONFIG.minLength,
  maxGapMs: DEFAULT_WEDGE_CONFIG.maxGapMs,
  maxMedianGapMs: DEFAULT_WEDGE_CONFIG.maxMedianGapMs,
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export class ScanEnterDetector {
  private times: number[] = [];

  constructor(private readonly timing: ScanTiming = SCAN_TIMING) {}

  /** Feeds one keydown (key name, event time in ms); true when it is an Enter ending a scan. */
  key(key: string, t: number): boolean {
    const last = this.times[this.times.length - 1];
    const gapOk = last !== undefined && t - last <= this.timing.maxGapMs;
    if (key === 'Enter') {
      const times = [...this.times, t];
      this.times = [];
      if (!gapOk || times.length - 1 < this.timing.minLength) return false;
      const gaps = times.slice(1).map((x, i) => x - times[i]!);
      return gaps.every((g) => g <= this.timing.maxGapMs) && median(gaps) <= this.timing.maxMedianGapMs;
    }
    // Modifier and navigation keys (Shift before capitals, arrows) carry no character.
    if ([...key].length !== 1) return false;
    this.times = gapOk ? [...this.times, t] : [t];
    return false;
  }
}
