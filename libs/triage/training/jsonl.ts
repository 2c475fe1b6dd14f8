import { writeFileSync } from 'fs';

/** Writes the rows as JSON Lines to `out` and tells stderr how many `noun` went there. */
export function writeJsonLines(out: string, rows: readonly unknown[], noun: string): void {
  writeFileSync(out, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  process.stderr.write(`wrote ${rows.length} ${noun} to ${out}\n`);
}
