// Nearest-rank percentile of timings already sorted ascending: p50, p99 of a benchmark.
//
// Why shared: benchmarks compare their figures with each other (settle against the hub round
// trip), so they must all pick the same sample for "p99".
export function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
