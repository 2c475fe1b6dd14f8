import { readFileSync, writeFileSync } from 'fs';

/** Reads the JSON data file at `path` (the phrases and wrappers the generators draw from). */
export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Writes the rows as JSON Lines to `out` and tells stderr how many `noun` went there. */
export function writeJsonLines(out: string, rows: readonly unknown[], noun: string): void {
  writeFileSync(out, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  process.stderr.write(`wrote ${rows.length} ${noun} to ${out}\n`);
}
