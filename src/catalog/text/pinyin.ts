// Pinyin keys of a name, generated with pinyin-pro when a catalogue is loaded, so the cashier can
// type 助记码 (initials, "AMXL" for 阿莫西林) or full pinyin ("amoxilin").
//
// pinyin-pro reads polyphonic characters from context (行为 → xing wei); where it guesses wrong
// the name is still found by its initials of the common reading or by Chinese text. Letters and
// digits in a name are kept (维生素B12 → WSSB12), other symbols dropped.
import { pinyin } from 'pinyin-pro';

export interface PinyinKeys {
  /** Upper-case initials and kept letters/digits: 2型糖尿病 → 2XTNB. */
  initials: string;
  /** Lower-case full pinyin without tones, ü as v: 氯化钠 → lvhuana. */
  full: string;
}

const MAX_KEY = 60;

export function pinyinKeys(name: string): PinyinKeys {
  const first = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', v: true });
  const full = pinyin(name, { toneType: 'none', type: 'array', v: true });
  return {
    initials: first.join('').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, MAX_KEY),
    full: full.join('').toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, MAX_KEY),
  };
}

/**
 * pinyin-pro costs ~25 µs a name; catalogues repeat names a lot (one generic name, many makers),
 * so a load keeps the keys of the names it has seen. Bounded so a pathological file cannot grow it.
 */
export class PinyinCache {
  private readonly map = new Map<string, PinyinKeys>();
  constructor(private readonly max = 500_000) {}

  keys(name: string): PinyinKeys {
    let k = this.map.get(name);
    if (!k) {
      k = pinyinKeys(name);
      if (this.map.size < this.max) this.map.set(name, k);
    }
    return k;
  }
}
