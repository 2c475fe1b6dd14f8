import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { parseSnippet } from '../shop-loader.util';
import type { KbEntry, KbRepository } from './pg-knowledge';

/** Every *.md under dir (any depth), parsed from its front matter; ids must be unique across the folder. */
export function readKnowledgeDir(dir: string, shopId: string): KbEntry[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) files.push(path);
    }
  };
  walk(dir);
  const seen = new Map<string, string>();
  return files.map((path) => {
    const snippet = parseSnippet(readFileSync(path, 'utf8'), relative(dir, path));
    const previous = seen.get(snippet.id);
    if (previous) throw new Error(`duplicate id "${snippet.id}" in ${previous} and ${relative(dir, path)}`);
    seen.set(snippet.id, relative(dir, path));
    return { ...snippet, shopId };
  });
}

export interface ImportReport {
  files: number;
  created: number;
  updated: number;
  unchanged: number;
}

export async function importKnowledge(repository: KbRepository, entries: KbEntry[]): Promise<ImportReport> {
  const report: ImportReport = { files: entries.length, created: 0, updated: 0, unchanged: 0 };
  for (const entry of entries) {
    const before = await repository.get(entry.shopId, entry.id);
    await repository.upsert(entry);
    if (!before) report.created++;
    else if (sameContent(before, entry)) report.unchanged++;
    else report.updated++;
  }
  return report;
}

function sameContent(a: KbEntry, b: KbEntry): boolean {
  return (
    a.kind === b.kind &&
    a.language === b.language.toLowerCase().split(/[-_]/)[0] &&
    a.title === b.title &&
    a.body === b.body &&
    (a.url ?? null) === (b.url ?? null) &&
    a.intents.join('\u0000') === b.intents.join('\u0000')
  );
}
