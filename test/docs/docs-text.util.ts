import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { repoRoot } from '../support/engines';

export const DOCS_DIR = join(repoRoot, 'docs');

export function readDoc(name: string): string {
  return readFileSync(join(DOCS_DIR, name), 'utf8');
}

export function docNames(): string[] {
  return readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md'));
}

const FENCE = /^```([^\n]*)\n([\s\S]*?)^```\s*$/gm;

/** The fenced code blocks of a page, with the language after the opening fence. */
export function fencedBlocks(markdown: string): { lang: string; code: string }[] {
  return [...markdown.matchAll(FENCE)].map(([, lang, code]) => ({ lang: lang.trim(), code }));
}

/** Inline code spans (`…`) outside fenced blocks, with `[]` of array fields removed (`items[].name` → `items.name`). */
export function codeSpans(markdown: string): string[] {
  const prose = markdown.replace(FENCE, '');
  return [...prose.matchAll(/`([^`\n]+)`/g)].map(([, span]) => span.replace(/\[\]/g, ''));
}

/** From the `## ` heading that contains `title` to the next `## ` heading. */
export function section(markdown: string, title: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith('## ') && l.includes(title));
  if (start < 0) throw new Error(`no "## …${title}…" section`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** The first fenced block after the heading that contains `title`. */
export function blockAfter(markdown: string, title: string, lang: string): string {
  const at = markdown.split('\n').findIndex((l) => l.startsWith('#') && l.includes(title));
  if (at < 0) throw new Error(`no heading with "${title}"`);
  const rest = markdown.split('\n').slice(at).join('\n');
  const block = fencedBlocks(rest).find((b) => b.lang === lang);
  if (!block) throw new Error(`no ${lang} block after "${title}"`);
  return block.code;
}

type AnySchema = z.ZodType & {
  def: { type: string; innerType?: AnySchema; element?: AnySchema; catchall?: AnySchema };
  shape?: Record<string, AnySchema>;
};

/**
 * The field paths of an object schema, down to its leaves (`limits.maxRefundAmount`, `items.name`). Optional,
 * default and nullable wrappers are looked through; arrays of objects add no segment; maps of language → text
 * (objects open to further keys) and unions are leaves.
 */
export function fieldPaths(schema: z.ZodType, prefix: string[] = []): string[] {
  let s = schema as AnySchema;
  while (s.def.innerType) s = s.def.innerType;
  if (s.def.type === 'array' && s.def.element) return fieldPaths(s.def.element, prefix);
  const openToMoreKeys = s.def.catchall !== undefined && s.def.catchall.def.type !== 'never';
  if (s.def.type === 'object' && s.shape && !openToMoreKeys) {
    return Object.entries(s.shape).flatMap(([key, child]) => fieldPaths(child, [...prefix, key]));
  }
  return prefix.length ? [prefix.join('.')] : [];
}
