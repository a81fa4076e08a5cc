// `--name N` on a benchmark's command line: a positive integer, or the benchmark's default.
//
// Why shared: every benchmark takes its sizes this way, and a typo (`--calls 1e3`, `--reads -5`)
// must stop the run with the same message everywhere instead of measuring something else.
export function positiveIntegerOption(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} must be a positive integer`);
  return v;
}
