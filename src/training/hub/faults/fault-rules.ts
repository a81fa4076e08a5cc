// Fault injection: rules that make the training hub misbehave the way networks and real hubs do,
// scoped by infno and count ("the next 1 call of 2207 drops after commit"). Set by `--fault` flags
// at start and by POST /admin/faults (docs/training-hub.md, "Fault injection").

export const FAULT_KINDS = ['latency', 'drop-before-commit', 'drop-after-commit', 'http-error', 'malformed-json', 'slow-body', 'business-error'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  kind: FaultKind;
  /** A transaction number, 'ec.query', or '*' for every call. */
  infno: string;
  /** How many matching calls it applies to; undefined: until cleared. */
  count?: number | undefined;
  /** latency: delay before processing; slow-body: time to dribble the answer over. */
  ms?: number | undefined;
  /** http-error: the status (default 503). */
  status?: number | undefined;
  /** business-error: the err_msg (default: a busy-system message). */
  errMsg?: string | undefined;
}

export interface FaultRule extends FaultSpec {
  id: number;
  /** Calls it still applies to (null: unlimited). */
  remaining: number | null;
  /** Calls it has been applied to. */
  applied: number;
}

export class FaultSpecError extends Error {}

function isKind(v: string): v is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(v);
}

/** Checks a spec from JSON (admin) or a parsed flag. */
export function validateFaultSpec(raw: unknown): FaultSpec {
  if (typeof raw !== 'object' || raw === null) throw new FaultSpecError('fault must be an object');
  const o = raw as Record<string, unknown>;
  const kind = String(o.kind ?? '');
  if (!isKind(kind)) throw new FaultSpecError(`unknown fault kind "${kind}"; one of ${FAULT_KINDS.join(', ')}`);
  const infno = String(o.infno ?? '*');
  if (!/^(\*|ec\.query|\d{4}[A-Z]?)$/.test(infno)) throw new FaultSpecError(`infno must be 4 digits, ec.query or *: "${infno}"`);
  const int = (name: string, min: number, max: number): number | undefined => {
    if (o[name] === undefined || o[name] === null || o[name] === '') return undefined;
    const n = Number(o[name]);
    if (!Number.isInteger(n) || n < min || n > max) throw new FaultSpecError(`${name} must be an integer in [${min}, ${max}]`);
    return n;
  };
  const spec: FaultSpec = { kind, infno, count: int('count', 1, 1_000_000), ms: int('ms', 0, 600_000), status: int('status', 400, 599) };
  if (o.errMsg !== undefined) spec.errMsg = String(o.errMsg);
  if ((kind === 'latency' || kind === 'slow-body') && spec.ms === undefined) throw new FaultSpecError(`${kind} needs ms`);
  return spec;
}

/**
 * Parses a `--fault` flag: `kind[@infno][*count][,key=value…]`, e.g. `drop-after-commit@2207*1`,
 * `latency@*,ms=3000`, `http-error@2201*2,status=502`, `business-error@2401,errMsg=系统繁忙`.
 */
export function parseFaultFlag(text: string): FaultSpec {
  const [head = '', ...pairs] = text.split(',');
  const m = /^([a-z-]+)(?:@([^*]+))?(?:\*(\d+))?$/.exec(head.trim());
  if (!m) throw new FaultSpecError(`cannot read fault "${text}": expected kind[@infno][*count][,key=value…]`);
  const raw: Record<string, unknown> = { kind: m[1], infno: m[2] ?? '*', count: m[3] };
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new FaultSpecError(`cannot read "${p}" in fault "${text}": expected key=value`);
    raw[p.slice(0, eq).trim()] = p.slice(eq + 1);
  }
  return validateFaultSpec(raw);
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(spec: FaultSpec): FaultRule {
    const rule: FaultRule = { ...spec, id: this.nextId++, remaining: spec.count ?? null, applied: 0 };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  /** The rules that apply to this call, each counted once; exhausted rules are removed. */
  take(infno: string): FaultRule[] {
    const hits = this.rules.filter((r) => r.infno === '*' || r.infno === infno);
    for (const r of hits) {
      r.applied++;
      if (r.remaining !== null) r.remaining--;
    }
    this.rules = this.rules.filter((r) => r.remaining === null || r.remaining > 0);
    return hits.map((r) => ({ ...r }));
  }
}
