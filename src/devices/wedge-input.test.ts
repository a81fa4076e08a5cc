import { describe, expect, it } from 'vitest';
import { wedgeScanEvents } from '@native/virtual/virtual-scanner';
import { WedgeInput } from './wedge-input';

describe('keyboard-wedge input per window', () => {
  it('hands scans to the router and reports typing back', () => {
    const scans: string[] = [];
    const w = new WedgeInput(() => ({}), (t) => scans.push(t));
    expect(w.feed('a', wedgeScanEvents('6901234567892'), false)).toEqual([expect.objectContaining({ kind: 'scan', text: '6901234567892' })]);
    expect(w.feed('a', [{ key: 'x', t: 10_000 }], true)).toEqual([{ kind: 'typing', text: 'x' }]);
    expect(scans).toEqual(['6901234567892']);
  });

  it('sorts events that arrive out of order and ignores malformed ones', () => {
    const scans: string[] = [];
    const w = new WedgeInput(() => ({}), (t) => scans.push(t));
    const events = wedgeScanEvents('6901234567892').reverse();
    w.feed('a', [...events, { key: 'y', t: Number.NaN }], false);
    expect(scans).toEqual(['6901234567892']);
  });

  it('keeps only the most recent windows', () => {
    const w = new WedgeInput(() => ({}), () => undefined);
    const half = wedgeScanEvents('6901234567892').slice(0, 6);
    w.feed('first', half, false);
    for (let i = 0; i < 40; i++) w.feed(`tab-${i}`, [{ key: 'a', t: 1 }], true);
    // The first window's half-finished burst is gone with it: the rest alone is too short.
    expect(w.feed('first', wedgeScanEvents('6901234567892').slice(6), false)).toEqual([{ kind: 'typing', text: '4567892' }]);
  });
});
