import { describe, expect, it } from 'vitest';
import type { WedgeKeyEvent } from './transport';
import { MAX_WEDGE_BATCH, WedgeKeySource } from './wedge-key-source';

describe('keyboard-wedge key source', () => {
  it('delivers batches in time order, drops malformed events and bounds the batch', () => {
    const s = new WedgeKeySource('w');
    const got: { events: readonly WedgeKeyEvent[]; flush: boolean }[] = [];
    s.onKeys((events, flush) => got.push({ events, flush }));
    s.feed([{ key: 'b', t: 2 }, { key: 'a', t: 1 }, { key: 'c', t: Number.POSITIVE_INFINITY }], true);
    expect(got).toEqual([{ events: [{ key: 'a', t: 1 }, { key: 'b', t: 2 }], flush: true }]);
    s.feed(Array.from({ length: MAX_WEDGE_BATCH + 10 }, (_, i) => ({ key: 'x', t: i })));
    expect(got[1]!.events).toHaveLength(MAX_WEDGE_BATCH);
  });
});
