// Deterministic randomness for the training catalogue and the hub's generated data.
//
// Why hash-per-row instead of one long random stream: row i must be reproducible on its own (the
// hub classifies a fee line by regenerating just that row from its code), and a 1.5-million-row
// file must stream without remembering earlier rows. So every row gets its own small generator
// seeded from (catalogue seed, salt, row index).

/** 32-bit avalanche mix (murmur3 finaliser). */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of a sequence of integers (and short strings), stable across runs and platforms. */
export function hashOf(...parts: (number | string)[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    if (typeof p === 'number') {
      h = mix32(h ^ (p >>> 0));
      h = mix32(h ^ Math.floor(p / 0x1_0000_0000));
    } else {
      for (let i = 0; i < p.length; i++) h = mix32(h ^ p.charCodeAt(i));
    }
  }
  return h;
}

const bases = new Map<string, number>();

/** hashOf(seed, salt), cached: the per-row hashes below then cost two mixes, not a string walk. */
export function saltedBase(seed: number, salt: string): number {
  const key = `${seed}|${salt}`;
  let b = bases.get(key);
  if (b === undefined) {
    b = hashOf(seed, salt);
    bases.set(key, b);
  }
  return b;
}

/** Hash of (base, index[, extra]): per-row and per-row-per-release randomness. */
export function rowHash(base: number, index: number, extra = 0): number {
  return mix32(mix32(base ^ (index >>> 0)) ^ Math.floor(index / 0x1_0000_0000) ^ Math.imul(extra + 1, 0x9e3779b1));
}

/** Small, fast generator (mulberry32). */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The generator of row `index` (hot paths compute saltedBase once and use rowHash). */
  static forRow(seed: number, salt: string, index: number): SeededRandom {
    return new SeededRandom(rowHash(saltedBase(seed, salt), index));
  }

  /** Uniform in [0, 2^32). */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.nextUint32() / 0x1_0000_0000) * n);
  }

  /** Integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** True with probability perMille / 1000. */
  chance(perMille: number): boolean {
    return this.int(1000) < perMille;
  }

  /** Picks by integer weights: [[value, weight], …]. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((s, [, w]) => s + w, 0);
    let r = this.int(total);
    for (const [value, weight] of choices) {
      if (r < weight) return value;
      r -= weight;
    }
    return (choices[choices.length - 1] as readonly [T, number])[0];
  }
}
