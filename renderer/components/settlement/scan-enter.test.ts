import { describe, expect, it } from 'vitest';
import { ScanEnterDetector } from './scan-enter';

/** Keys of `text` then Enter, `gapMs` apart, from `start`. */
function feed(d: ScanEnterDetector, text: string, gapMs: number, start = 1000): boolean {
  let t = start;
  let last = false;
  for (const key of [...text, 'Enter']) {
    last = d.key(key, t);
    t += gapMs;
  }
  return last;
}

describe('ScanEnterDetector', () => {
  it('takes the Enter that ends a scanner burst (a drug barcode, an e-voucher code)', () => {
    expect(feed(new ScanEnterDetector(), '6901234567892', 3)).toBe(true);
    expect(feed(new ScanEnterDetector(), 'EC0132050020261123ZW00000000001', 8)).toBe(true);
  });

  it('leaves a person’s Enter alone: typed ID numbers, short codes, a pause before Enter', () => {
    expect(feed(new ScanEnterDetector(), '320501197203150018', 120)).toBe(false);
    expect(feed(new ScanEnterDetector(), '1234567', 2)).toBe(false);
    const d = new ScanEnterDetector();
    for (const [i, k] of [...'6901234567892'].entries()) d.key(k, 1000 + i * 3);
    expect(d.key('Enter', 1000 + 12 * 3 + 500)).toBe(false);
    expect(d.key('Enter', 2000)).toBe(false);
  });

  it('judges only the burst before the Enter: slow typing followed by a scan, Shift for capitals ignored', () => {
    const d = new ScanEnterDetector();
    for (const [i, k] of [...'abc'].entries()) d.key(k, i * 200);
    let t = 5000;
    for (const k of 'EC01Shift32050020261123'.match(/Shift|./g)!) d.key(k, (t += 4));
    expect(d.key('Enter', t + 4)).toBe(true);
  });

  it('needs a fast median as well as no long pause (a fast typist’s burst is not a scan)', () => {
    const d = new ScanEnterDetector();
    let t = 0;
    for (const k of '320501197203150018') d.key(k, (t += 50));
    expect(d.key('Enter', t + 50)).toBe(false);
  });
});
