// The index behind one- and two-character name searches.
//
// FTS5's trigram tokenizer only matches substrings of three or more characters, and LIKE '%药%'
// scans every row. So each distinct name contributes its distinct single characters and
// character pairs to a WITHOUT ROWID table keyed (gram, catalogue, name length, name id): a short
// query is one index range, already in "shortest name first" order, read only as far as LIMIT.
// Names repeat a lot in catalogues, so the table grows with distinct names, not rows.
import { chars } from './normalize';

/** Distinct unigrams and bigrams of a normalised name (spaces are not indexed on their own). */
export function nameGrams(norm: string): string[] {
  const cs = chars(norm);
  const out = new Set<string>();
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (c !== ' ') out.add(c);
    if (i + 1 < cs.length) out.add(c + cs[i + 1]!);
  }
  return [...out];
}
