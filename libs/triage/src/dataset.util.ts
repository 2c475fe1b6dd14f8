import { readFileSync } from 'fs';
import { parse } from 'csv-parse/sync';
import { IntentExample } from './intent.model';

export interface LabelledText extends IntentExample {
  language?: string;
}

export function readJsonlExamples(path: string): LabelledText[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const row = JSON.parse(line) as Partial<LabelledText>;
      if (typeof row.text !== 'string' || typeof row.intent !== 'string')
        throw new Error(`${path}:${i + 1}: needs text and intent`);
      return {
        text: row.text,
        intent: row.intent,
        ...(row.language ? { language: row.language } : {}),
        ...(row.group ? { group: row.group } : {}),
      };
    });
}

/** Reads a labelled CSV (RFC 4180: quoted fields may hold commas, quotes and newlines). */
export function readCsvExamples(path: string, textColumn = 'text', labelColumn = 'intent'): LabelledText[] {
  const rows = parse(readFileSync(path), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
    relax_column_count: true,
  }) as Record<string, string>[];
  if (rows.length && (!(textColumn in rows[0]) || !(labelColumn in rows[0]))) {
    throw new Error(
      `${path}: columns "${textColumn}" and "${labelColumn}" are required (found ${Object.keys(rows[0]).join(', ')})`,
    );
  }
  return rows
    .filter((r) => r[textColumn]?.trim() && r[labelColumn]?.trim())
    .map((r) => ({ text: r[textColumn], intent: r[labelColumn].trim() }));
}
