// Search as you type, on the host's own connection to catalog.db (readers never wait for a sync:
// WAL gives them the last committed catalogue until the swap commits).
//
// Ranking, best first: exact code → code prefix → exact name → pinyin initials → full pinyin →
// names containing the text (shortest first; a name starting with it wins a tie). Every path is an index range read only as far as the result
// limit, never a scan of the catalogue:
//   code          item (infno, code)        one range per catalogue in scope (ids only; rows by id)
//   exact name    name (infno, norm)
//   pinyin        name (infno, py_initials) / (infno, py_full)
//   1–2 chars     name_gram (gram, infno, len, name_id): shortest names first
//   3+ chars      name_fts (trigram), rowid = name.ord: shortest names first
// Names are distinct per catalogue, so a query finds names first and then their items (a name
// shared by hundreds of makers' items is matched once). Filters (list type, 甲乙丙, valid today)
// apply to items; the catalogue scope (group, catalogues, list types) narrows names already.
import type { CatalogItem, CatalogSearchResult, MatchKind } from '@src/contract/methods/catalog';
import type { Db } from '@src/platform/db/open';
import { searchScope, type CatalogGroup, type CatalogInfno } from '../catalog-kinds';
import { chinaToday } from '../china-today';
import { chars, hasCjk, looksLikeCode, looksLikePinyin, normalizeText } from '../text/normalize';
import { ITEM_COLUMNS, toCatalogItem, type ItemRow } from './item-row';

export interface SearchInput {
  text: string;
  group?: CatalogGroup | undefined;
  catalogs?: CatalogInfno[] | undefined;
  listTypes?: string[] | undefined;
  classes?: ('01' | '02' | '03')[] | undefined;
  validToday: boolean;
  limit: number;
}

interface NameCandidate {
  id: number;
  len: number;
  key: string;
}

type Statement = ReturnType<Db['prepare']>;

const MAX_STATEMENTS = 300;

/** The next string after every string that starts with `prefix` (for index range scans). */
function prefixEnd(prefix: string): string {
  return prefix + '\u{10FFFF}';
}

function quoteList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(',');
}

export class CatalogSearch {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Db,
    private readonly today: () => string = () => chinaToday(),
  ) {}

  private stmt(key: string, sql: () => string): Statement {
    let s = this.statements.get(key);
    if (!s) {
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      s = this.db.prepare(sql());
      this.statements.set(key, s);
    }
    return s;
  }

  /** SQL conditions on item (alias i) for the filters; values are validated by the contract, so inlined. */
  private itemFilter(input: SearchInput): { key: string; sql: string } {
    const parts: string[] = [];
    if (input.validToday) parts.push("i.vali_flag = 1 AND i.begndate <= @today AND (i.enddate = '' OR i.enddate >= @today)");
    const classes = (input.classes ?? []).filter((c) => /^0[123]$/.test(c));
    if (classes.length > 0) parts.push(`i.chrgitm_lv IN (${quoteList(classes)})`);
    const types = (input.listTypes ?? []).filter((t) => /^\d{3}$/.test(t));
    if (types.length > 0) parts.push(`i.list_type IN (${quoteList(types)})`);
    const sql = parts.length > 0 ? ' AND ' + parts.join(' AND ') : '';
    return { key: sql, sql };
  }

  /** One ORDER BY … LIMIT subquery per catalogue, glued with UNION ALL (an IN list would sort every match). */
  private perCatalog(scope: readonly CatalogInfno[], body: (infno: CatalogInfno) => string): string {
    return scope.map((infno) => `SELECT * FROM (${body(infno)})`).join(' UNION ALL ');
  }

  search(input: SearchInput): CatalogSearchResult {
    const started = performance.now();
    const q = normalizeText(input.text);
    const scope = searchScope(input);
    if (q === '' || scope.length === 0) return { items: [], truncated: false, tookMs: 0 };
    const today = this.today();
    const filter = this.itemFilter(input);
    const limit = input.limit;
    const items: CatalogItem[] = [];
    const seen = new Set<number>();
    let truncated = false;
    const add = (rows: ItemRow[], match: MatchKind): void => {
      for (const r of rows) {
        if (items.length >= limit) {
          truncated = true;
          return;
        }
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        items.push(toCatalogItem(r, match, today));
      }
    };
    const params = { today, q, limit: limit + 1 };

    if (looksLikeCode(q)) {
      const exact = this.stmt(`code=${scope}${filter.key}`, () => `SELECT ${ITEM_COLUMNS} FROM item i JOIN name n ON n.id = i.name_id WHERE i.infno IN (${quoteList(scope)}) AND i.code = @q${filter.sql}`);
      add(exact.all(params) as ItemRow[], 'code');
      // Two steps: the per-catalogue ranges read only the code index and the filter columns (no
      // name join, no local-list subquery, no detail), then only the rows that will be listed are
      // fetched by id. A pinyin query also takes this path and usually matches no code, so its
      // cost is that of 16 empty index seeks, not of 16 full-row subqueries (bench/RESULTS.md).
      const prefix = this.stmt(`code^${scope}${filter.key}`, () =>
        this.perCatalog(scope, (infno) => `SELECT i.id, i.code FROM item i WHERE i.infno = '${infno}' AND i.code > @q AND i.code < @qEnd${filter.sql} ORDER BY i.code LIMIT @limit`),
      );
      const hits = (prefix.all({ ...params, qEnd: prefixEnd(q) }) as { id: number; code: string }[]).sort((a, b) => (a.code.toLowerCase() < b.code.toLowerCase() ? -1 : 1));
      const fresh = hits.filter((h) => !seen.has(h.id));
      const room = limit - items.length;
      if (fresh.length > room) truncated = true;
      const take = fresh.slice(0, room);
      if (take.length > 0) add(this.itemsById(take.map((h) => h.id)), 'codePrefix');
    }

    // Each kind's names are read only when the kinds ranked above it left room (a code prefix that
    // fills the list costs no name query at all).
    const ranked: { match: MatchKind; names: () => NameCandidate[] }[] = [];
    const cjk = hasCjk(q);
    if (cjk || !looksLikePinyin(q)) {
      ranked.push({ match: 'name', names: () => this.names(`name=${scope}`, () => this.perCatalog(scope, (infno) => `SELECT id, len, norm AS key FROM name WHERE infno = '${infno}' AND norm = @q`), params) });
    }
    if (looksLikePinyin(q)) {
      const upper = q.toUpperCase();
      ranked.push({
        match: 'pinyinInitials',
        names: () => this.names(`py^${scope}`, () => this.perCatalog(scope, (infno) => `SELECT id, len, py_initials AS key FROM name WHERE infno = '${infno}' AND py_initials >= @q AND py_initials < @qEnd ORDER BY py_initials LIMIT @limit`), { ...params, q: upper, qEnd: prefixEnd(upper) }),
      });
      if (q.length >= 2) {
        ranked.push({
          match: 'pinyinFull',
          names: () => this.names(`pyf^${scope}`, () => this.perCatalog(scope, (infno) => `SELECT id, len, py_full AS key FROM name WHERE infno = '${infno}' AND py_full >= @q AND py_full < @qEnd ORDER BY py_full LIMIT @limit`), { ...params, qEnd: prefixEnd(q) }),
        });
      }
    }
    // Names containing the text, shortest first, those starting with it first among equals
    // (every prefix match is also a substring match, so one index read serves both).
    if (cjk || q.length >= 2) ranked.push({ match: 'nameSubstring', names: () => this.substring(q, scope, params.limit) });

    // The items of a kind's names, in the names' order, in one statement: json_each yields the ids
    // in array order and CROSS JOIN keeps it as the outer loop, so rows stream name by name (each
    // name's items by the item_name index) and LIMIT stops the read — no sort, no per-name query.
    const byNames = this.stmt(
      `items${filter.key}`,
      () => `SELECT ${ITEM_COLUMNS} FROM json_each(@ids) AS j CROSS JOIN item i JOIN name n ON n.id = i.name_id WHERE i.name_id = j.value${filter.sql} LIMIT @limit`,
    );
    for (const { match, names: read } of ranked) {
      if (items.length >= limit) {
        if (!truncated) truncated = read().length > 0;
        continue;
      }
      const names = read();
      if (names.length === 0) continue;
      const starts = (n: NameCandidate): number => (match === 'nameSubstring' && n.key.startsWith(q) ? 0 : 1);
      names.sort((a, b) => a.len - b.len || starts(a) - starts(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id));
      const prefixNames = new Set(names.filter((n) => starts(n) === 0).map((n) => n.id));
      // Items already listed by a better kind come back too and are skipped: ask for that many more.
      const rows = byNames.all({ ids: JSON.stringify(names.map((n) => n.id)), today, limit: limit - items.length + seen.size + 1 }) as ItemRow[];
      for (const r of rows) {
        add([r], match === 'nameSubstring' && prefixNames.has(r.name_id) ? 'namePrefix' : match);
        if (truncated) break;
      }
    }
    return { items, truncated, tookMs: Math.round((performance.now() - started) * 1000) / 1000 };
  }

  /** Items by id, in the order given (json_each stays the outer loop, as in the name path). */
  private itemsById(ids: number[]): ItemRow[] {
    return this.stmt('byId', () => `SELECT ${ITEM_COLUMNS} FROM json_each(@ids) AS j CROSS JOIN item i JOIN name n ON n.id = i.name_id WHERE i.id = j.value`).all({ ids: JSON.stringify(ids) }) as ItemRow[];
  }

  private names(key: string, sql: () => string, params: Record<string, unknown>): NameCandidate[] {
    return this.stmt(key, sql).all(params) as NameCandidate[];
  }

  /** Names containing `q`: the gram table for 1–2 characters, the trigram index for 3+. */
  private substring(q: string, scope: readonly CatalogInfno[], limit: number): NameCandidate[] {
    const n = chars(q).length;
    if (n <= 2) {
      return this.names(`gram${scope}`, () => this.perCatalog(scope, (infno) => `SELECT g.name_id AS id, g.len, n.norm AS key FROM name_gram g JOIN name n ON n.id = g.name_id WHERE g.gram = @q AND g.infno = '${infno}' ORDER BY g.len LIMIT @limit`), { q, limit });
    }
    const phrase = '"' + q.replace(/"/g, '""') + '"';
    return this.stmt(`fts${scope}`, () => `SELECT n.id, n.len, n.norm AS key FROM name_fts f JOIN name n ON n.ord = f.rowid WHERE name_fts MATCH @phrase AND n.infno IN (${quoteList(scope)}) ORDER BY f.rowid LIMIT @limit`).all({
      phrase,
      limit,
    }) as NameCandidate[];
  }

  /** One item by national code (case-insensitive); with several catalogues holding it, the first in infno order. */
  lookup(code: string, infno?: CatalogInfno, match: MatchKind = 'lookup'): CatalogItem | null {
    const today = this.today();
    const row = this.stmt('lookup', () => `SELECT ${ITEM_COLUMNS} FROM item i JOIN name n ON n.id = i.name_id WHERE i.code = @code AND (@infno IS NULL OR i.infno = @infno) ORDER BY i.infno LIMIT 1`).get({
      code: code.trim(),
      infno: infno ?? null,
    }) as ItemRow | undefined;
    return row ? toCatalogItem(row, match, today) : null;
  }

  /** The item a package barcode stands for (pharmacy scanner). */
  byBarcode(barcode: string): CatalogItem | null {
    const code = this.stmt('barcode', () => 'SELECT med_list_codg FROM barcode WHERE barcode = ?').pluck().get(barcode.trim()) as string | undefined;
    return code ? this.lookup(code, undefined, 'barcode') : null;
  }

  /** The institution's own item and the national item it is mapped to. */
  localLookup(medinsListCodg: string): { local: { medinsListCodg: string; name: string; medListCodg: string; spec: string; unit: string; price: number | null }; item: CatalogItem | null } | null {
    const row = this.stmt('local', () => 'SELECT medins_list_codg, name, med_list_codg, spec, unit, price FROM local_item WHERE medins_list_codg = ?').get(medinsListCodg.trim()) as
      | { medins_list_codg: string; name: string; med_list_codg: string; spec: string; unit: string; price: number | null }
      | undefined;
    if (!row) return null;
    return {
      local: { medinsListCodg: row.medins_list_codg, name: row.name, medListCodg: row.med_list_codg, spec: row.spec, unit: row.unit, price: row.price },
      item: this.lookup(row.med_list_codg, undefined, 'local'),
    };
  }
}
