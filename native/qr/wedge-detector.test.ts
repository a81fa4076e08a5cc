import { describe, expect, it } from 'vitest';
import { WedgeDetector } from './wedge-detector';
import { WEDGE_TRACES } from './wedge-traces';

const scans = (r: ReturnType<WedgeDetector['feed']>): string[] => r.flatMap((x) => (x.kind === 'scan' ? [x.text] : []));

describe('keyboard wedge: scanner or person, from recorded timing traces', () => {
  it('a wired scanner reading an EAN-13 is a scan ending in Enter', () => {
    const r = new WedgeDetector().feed(WEDGE_TRACES.usbScannerEan13);
    expect(r).toEqual([{ kind: 'scan', text: '6901234567892', terminator: 'Enter', durationMs: expect.any(Number) }]);
  });

  it('a scanner typing an e-voucher with Shift before capitals and one USB hiccup is a scan', () => {
    expect(scans(new WedgeDetector().feed(WEDGE_TRACES.usbScannerEVoucher))).toEqual(['EC0132050020261123ZW00000000001']);
  });

  it('a slower Bluetooth scanner is still a scan', () => {
    expect(scans(new WedgeDetector().feed(WEDGE_TRACES.bluetoothScannerGs1))).toEqual(['0106901234567892172612311012345A']);
  });

  it('a scanner without a suffix is recognised when the keyboard goes idle', () => {
    const d = new WedgeDetector();
    expect(d.feed(WEDGE_TRACES.usbScannerNoSuffix)).toEqual([]);
    expect(d.pending).toBe(13);
    expect(scans(d.feed([], true))).toEqual(['6901234567892']);
  });

  it('a fast typist entering an ID number is typing, not a scan', () => {
    const r = new WedgeDetector().feed(WEDGE_TRACES.fastTypistIdNumber, true);
    expect(scans(r)).toEqual([]);
    expect(r.map((x) => x.text).join('')).toBe('320501197203150018');
  });

  it('a very fast typist with many rollovers is typing', () => {
    expect(scans(new WedgeDetector().feed(WEDGE_TRACES.veryFastTypistNumber, true))).toEqual([]);
  });

  it('a held key (auto-repeat, ~30 per second) is typing', () => {
    expect(scans(new WedgeDetector().feed(WEDGE_TRACES.autoRepeatHeldKey, true))).toEqual([]);
  });

  it('a short word typed quickly is too short to be a code', () => {
    expect(scans(new WedgeDetector().feed(WEDGE_TRACES.typistShortWord, true))).toEqual([]);
  });

  it('a scan arriving in several forwarded batches is still one scan', () => {
    const trace = WEDGE_TRACES.usbScannerEVoucher;
    const d = new WedgeDetector();
    const results = [...d.feed(trace.slice(0, 10)), ...d.feed(trace.slice(10, 25)), ...d.feed(trace.slice(25))];
    expect(scans(results)).toEqual(['EC0132050020261123ZW00000000001']);
  });

  it('typing followed by a scan keeps them apart', () => {
    const typed = WEDGE_TRACES.typistShortWord.slice(0, 3);
    const shift = 5000;
    const scan = WEDGE_TRACES.usbScannerEan13.map((e) => ({ ...e, t: e.t + shift }));
    const r = new WedgeDetector().feed([...typed, ...scan]);
    expect(r).toEqual([{ kind: 'typing', text: 'abc' }, expect.objectContaining({ kind: 'scan', text: '6901234567892' })]);
  });

  it('thresholds are configurable: requiring a terminator rejects a suffix-less burst', () => {
    const d = new WedgeDetector({ allowUnterminated: false });
    expect(scans(d.feed(WEDGE_TRACES.usbScannerNoSuffix, true))).toEqual([]);
  });
});
