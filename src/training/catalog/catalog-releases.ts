// The training catalogue's release history: quarterly releases, each a version string.
//
// Versions are 14-digit timestamps (yyyyMMddHHmmss), so they compare as text. A download with
// `ver` = the terminal's local maximum version returns only rows changed in later releases;
// an empty or "0" ver (or anything older than the first release) returns everything.

export const RELEASE_VERSIONS: readonly string[] = [
  '20250101000000', '20250401000000', '20250701000000', '20251001000000',
  '20260101000000', '20260401000000', '20260701000000', '20261001000000',
];

export const RELEASE_COUNT = RELEASE_VERSIONS.length;

/** The release's date as yyyy-MM-dd. */
export function releaseDate(release: number): string {
  const v = RELEASE_VERSIONS[release] as string;
  return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
}

/** The release's time as yyyy-MM-dd HH:mm:ss. */
export function releaseTime(release: number): string {
  return `${releaseDate(release)} 00:00:00`;
}

/** The day before a release (the end date of a row stopped by it). */
export function dayBefore(release: number): string {
  const d = new Date(`${releaseDate(release)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The first release a download with this `ver` must include. Unknown shapes count as "from the
 * beginning": a terminal that lost its version gets a full catalogue rather than nothing.
 */
export function firstReleaseAfter(ver: string): number {
  const v = ver.trim();
  if (!/^\d{14}$/.test(v)) return 0;
  let k = 0;
  while (k < RELEASE_COUNT && (RELEASE_VERSIONS[k] as string) <= v) k++;
  return k;
}

export const LATEST_VERSION = RELEASE_VERSIONS[RELEASE_COUNT - 1] as string;

/** The first release published after an update time (yyyy-MM-dd HH:mm:ss); 0 for an empty time. */
export function firstReleaseAfterTime(updtTime: string): number {
  const t = updtTime.trim();
  if (t === '') return 0;
  let k = 0;
  while (k < RELEASE_COUNT && releaseTime(k) <= t) k++;
  return k;
}
