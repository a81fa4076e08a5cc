// Reads a code table in the `CODE<space>NAME` line format of the ICD-10 / ICD-9-CM-3 医保版 2.0
// tables (one code per line, UTF-8). The training catalogue uses such a file for 1307/1308 when
// one is given, and its built-in common codes otherwise.
import { readFileSync } from 'node:fs';

export type CodeList = readonly (readonly [string, string])[];

/** Parses `CODE NAME` lines; blank and malformed lines are skipped. */
export function parseCodeList(text: string): CodeList {
  const out: [string, string][] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const space = line.search(/\s/);
    if (space <= 0) continue;
    const code = line.slice(0, space);
    const name = line.slice(space + 1).trim();
    if (name !== '') out.push([code, name]);
  }
  return out;
}

/** Reads a code list file; returns undefined when the file is absent, so callers can fall back. */
export function readCodeListFile(file: string | undefined): CodeList | undefined {
  if (!file) return undefined;
  try {
    return parseCodeList(readFileSync(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
