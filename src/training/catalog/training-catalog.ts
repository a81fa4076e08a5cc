// The training catalogue: every catalogue file of 1301–1321, generated deterministically from a
// seed, with a release history so incremental downloads (`ver`) return only newer rows.
//
// Nothing is stored: row i of a catalogue is regenerated from (seed, catalogue, i) on demand, so
// a 1.5-million-row catalogue streams into a zip in constant memory and the training hub looks up
// a fee line's code in O(1). The only state is one byte per fee-item row (its last release),
// computed on first use.
import { divRoundHalfAway } from '@src/common/money';
import { CATALOG_KINDS, catalogKind, feeItemCounts, type CatalogInfno } from './catalog-kinds';
import type { CatalogRow } from './catalog-row';
import { dayBefore, firstReleaseAfter, RELEASE_COUNT, RELEASE_VERSIONS, releaseDate, releaseTime } from './catalog-releases';
import { codeTableRows, codeTableSize, type CodeTableSources } from './code-table-rows';
import { generateFeeItemFrom, parseFeeItemCode } from './fee-item-generator';
import { rowHash, saltedBase } from './seeded-random';

export const DEFAULT_SEED = 20_261_123;
/** Generated fee-item rows by default: "tens of thousands", plus the code tables. */
export const DEFAULT_FEE_ITEM_ROWS = 60_000;

/** Share of rows in the first release; the rest arrive evenly in later releases. */
const FIRST_RELEASE_PER_MILLE = 650;
/** Chance (per mille) that an existing row changes in a given later release. */
const CHANGE_PER_MILLE = 15;

export interface TrainingCatalogOptions {
  seed?: number;
  /** Total generated fee-item rows across 1301–1306, 1320, 1321 (default 60 000; up to millions). */
  feeItemRows?: number;
  /** Real code tables for 1307/1308; built-in common codes when absent. */
  sources?: CodeTableSources;
}

export class TrainingCatalog {
  readonly seed: number;
  readonly feeItemRows: number;
  private readonly counts: Map<CatalogInfno, number>;
  private readonly sources: CodeTableSources;
  private readonly lastChanges = new Map<CatalogInfno, Uint8Array>();
  /** Per-catalogue hash bases (row content, changes, price moves), computed once. */
  private readonly bases = new Map<CatalogInfno, { row: number; change: number; price: number }>();

  constructor(options: TrainingCatalogOptions = {}) {
    this.seed = options.seed ?? DEFAULT_SEED;
    this.feeItemRows = options.feeItemRows ?? DEFAULT_FEE_ITEM_ROWS;
    if (!Number.isSafeInteger(this.feeItemRows) || this.feeItemRows < 0) throw new RangeError('feeItemRows must be a non-negative integer');
    this.counts = feeItemCounts(this.feeItemRows);
    this.sources = options.sources ?? {};
  }

  /** Rows in a catalogue (latest release). */
  count(infno: CatalogInfno): number {
    if (catalogKind(infno).shape === 'codeTable') return codeTableSize(infno, this.sources);
    return this.counts.get(infno) ?? 0;
  }

  /** Rows of all catalogues. */
  totalRows(): number {
    return CATALOG_KINDS.reduce((s, k) => s + this.count(k.infno), 0);
  }

  private baseOf(infno: CatalogInfno): { row: number; change: number; price: number } {
    let b = this.bases.get(infno);
    if (!b) {
      b = { row: saltedBase(this.seed, infno), change: saltedBase(this.seed, `change${infno}`), price: saltedBase(this.seed, `price${infno}`) };
      this.bases.set(infno, b);
    }
    return b;
  }

  private birthRelease(infno: CatalogInfno, index: number): number {
    const n = this.count(infno);
    const first = Math.floor((n * FIRST_RELEASE_PER_MILLE) / 1000);
    if (index < first) return 0;
    return 1 + Math.floor(((index - first) * (RELEASE_COUNT - 1)) / Math.max(1, n - first));
  }

  /** Whether the row changes in release k, and how: 'stop' (停用) or a price change. */
  private changeAt(infno: CatalogInfno, index: number, k: number): 'none' | 'stop' | 'price' {
    const h = rowHash(this.baseOf(infno).change, index, k);
    if (h % 1000 >= CHANGE_PER_MILLE) return 'none';
    return (h >>> 12) % 8 === 0 ? 'stop' : 'price';
  }

  /** The release of the row's last change (its version). */
  private lastChangeOf(infno: CatalogInfno, index: number): number {
    const birth = this.birthRelease(infno, index);
    let last = birth;
    for (let k = birth + 1; k < RELEASE_COUNT; k++) {
      const change = this.changeAt(infno, index, k);
      if (change === 'none') continue;
      last = k;
      if (change === 'stop') break;
    }
    return last;
  }

  private lastChangeTable(infno: CatalogInfno): Uint8Array {
    let table = this.lastChanges.get(infno);
    if (!table) {
      const n = this.count(infno);
      table = new Uint8Array(n);
      for (let i = 0; i < n; i++) table[i] = this.lastChangeOf(infno, i);
      this.lastChanges.set(infno, table);
    }
    return table;
  }

  /** A fee-item row in its latest state. */
  feeItem(infno: CatalogInfno, index: number): CatalogRow {
    if (index < 0 || index >= this.count(infno)) throw new RangeError(`${infno} has no row ${index}`);
    const row = generateFeeItemFrom(this.baseOf(infno).row, infno, index);
    const birth = this.birthRelease(infno, index);
    let last = birth;
    for (let k = birth + 1; k < RELEASE_COUNT; k++) {
      const change = this.changeAt(infno, index, k);
      if (change === 'none') continue;
      last = k;
      if (change === 'stop') {
        row.valiFlag = '0';
        row.enddate = dayBefore(k);
        break;
      }
      if (row.priceCap !== null) {
        // Price caps move by -8 % … +8 %, kept to whole fen.
        const perMille = 920 + (rowHash(this.baseOf(infno).price, index, k) % 161);
        const fen = divRoundHalfAway(BigInt(row.priceCap) * BigInt(perMille), 1000n * 10_000n);
        row.priceCap = Math.max(1, Number(fen)) * 10_000;
      }
    }
    row.begndate = releaseDate(birth);
    row.updtTime = releaseTime(last);
    row.version = RELEASE_VERSIONS[last] as string;
    return row;
  }

  /** Finds a fee item by its national code (latest state); undefined when the code is not in the catalogue. */
  lookup(code: string): CatalogRow | undefined {
    const parsed = parseFeeItemCode(code.trim());
    if (!parsed || parsed.index >= this.count(parsed.infno)) return undefined;
    const row = this.feeItem(parsed.infno, parsed.index);
    return row.code === code.trim() ? row : undefined;
  }

  /** Number of rows a download with this `ver` returns. */
  countAfter(infno: CatalogInfno, ver: string): number {
    const from = firstReleaseAfter(ver);
    if (catalogKind(infno).shape === 'codeTable') return from === 0 ? this.count(infno) : 0;
    const table = this.lastChangeTable(infno);
    let n = 0;
    for (let i = 0; i < table.length; i++) if ((table[i] as number) >= from) n++;
    return n;
  }

  /**
   * Rows a download with this `ver` returns, each once in its latest state, ordered by version
   * (then by row): the last row carries the newest version, which the terminal keeps as its next ver.
   */
  *rowsAfter(infno: CatalogInfno, ver: string): Generator<CatalogRow> {
    const from = firstReleaseAfter(ver);
    if (catalogKind(infno).shape === 'codeTable') {
      if (from === 0) yield* codeTableRows(infno, this.sources);
      return;
    }
    const table = this.lastChangeTable(infno);
    for (let k = from; k < RELEASE_COUNT; k++) {
      for (let i = 0; i < table.length; i++) if (table[i] === k) yield this.feeItem(infno, i);
    }
  }

  /** The latest version present in a catalogue. */
  latestVersion(infno: CatalogInfno): string {
    if (catalogKind(infno).shape === 'codeTable') return RELEASE_VERSIONS[0] as string;
    const table = this.lastChangeTable(infno);
    let max = 0;
    for (let i = 0; i < table.length; i++) if ((table[i] as number) > max) max = table[i] as number;
    return RELEASE_VERSIONS[max] as string;
  }

  /** All fee items across catalogues, in catalogue order: position → row (for paged queries). */
  feeItemAt(position: number): CatalogRow | undefined {
    let p = position;
    for (const k of CATALOG_KINDS) {
      if (k.shape !== 'feeItem') continue;
      const n = this.count(k.infno);
      if (p < n) return this.feeItem(k.infno, p);
      p -= n;
    }
    return undefined;
  }

  /**
   * One page of the fee items changed in or after release `fromRelease` (all catalogues, in
   * catalogue order), and how many there are: the paged queries 1312/1316–1319.
   */
  pageOfChanged(fromRelease: number, offset: number, limit: number): { total: number; rows: CatalogRow[] } {
    const rows: CatalogRow[] = [];
    let seen = 0;
    for (const k of CATALOG_KINDS) {
      if (k.shape !== 'feeItem') continue;
      const table = this.lastChangeTable(k.infno);
      for (let i = 0; i < table.length; i++) {
        if ((table[i] as number) < fromRelease) continue;
        if (seen >= offset && rows.length < limit) rows.push(this.feeItem(k.infno, i));
        seen++;
      }
    }
    return { total: seen, rows };
  }

  /** The release a fee item last changed in (for filtering a looked-up row by update time). */
  lastChangeRelease(row: CatalogRow): number {
    const parsed = parseFeeItemCode(row.code);
    return parsed ? (this.lastChangeTable(parsed.infno)[parsed.index] ?? 0) : 0;
  }
}
