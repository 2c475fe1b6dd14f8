import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { INTENTS } from '@draftdesk/contracts';
import { loadShop, orderSchema, productSchema, shopSchema, snippetFrontMatter } from '../shop-loader.util';
import { policySchema } from '../shop-policy.schema';
import { jsonSyntaxProblem, SourceMap } from './source-map.util';

export interface ShopFinding {
  severity: 'error' | 'warning';
  /** Relative to the shop folder: `policy.yaml`, `kb/en/returns.md`. */
  file: string;
  line?: number;
  /** The field's path as written in the file: `autoSend.intents[2]`. */
  field?: string;
  message: string;
}

export interface ShopCheckReport {
  findings: ShopFinding[];
  shop: { id: string; name: string } | null;
  orders: number;
  /** Valid KB articles per language folder. */
  articles: Record<string, number>;
  autoSend: { enabled: boolean; intents: number } | null;
}

type Path = readonly PropertyKey[];

const KNOWN_INTENTS = new Set(INTENTS);
const knownList = () => `(known: ${[...INTENTS].sort().join(', ')})`;

export function fieldName(path: Path): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    '',
  );
}

/** `policy.yaml:12 autoSend.intents[2]: unknown intent …`; warnings say so after the place. */
export function formatFinding(f: ShopFinding): string {
  const place = `${f.file}${f.line ? `:${f.line}` : ''}${f.field ? ` ${f.field}` : ''}`;
  return `${place}: ${f.severity === 'warning' ? 'warning: ' : ''}${f.message}`;
}

/**
 * Checks a shop folder with the loader's own schemas and says where each problem is (file, line, field), all of
 * them at once; the loader itself stops at the first. When nothing is wrong, the loader reads the folder too, so a
 * folder that passes here is one the drafter accepts.
 */
export function checkShopFolder(dir: string): ShopCheckReport {
  return new ShopChecker(dir).run();
}

class ShopChecker {
  private readonly findings: ShopFinding[] = [];
  private readonly articles: Record<string, number> = {};

  constructor(private readonly dir: string) {}

  run(): ShopCheckReport {
    const shop = this.parse('shop.yaml', shopSchema, { required: true });
    const policy = this.parse('policy.yaml', policySchema, { empty: {} });
    if (policy) this.checkPolicyIntents(policy.raw, policy.map);
    for (const file of ['products.yaml', 'products.json'].filter((f) => existsSync(join(this.dir, f)))) {
      const products = this.parse(file, productSchema.array(), { json: file.endsWith('.json'), empty: [] });
      if (products?.value)
        this.duplicates(
          file,
          products.map,
          products.value.map((p) => p.id),
          'id',
          'product id',
        );
    }
    const orders = this.parse('orders.json', orderSchema.array(), { json: true });
    if (orders?.value)
      this.duplicates(
        'orders.json',
        orders.map,
        orders.value.map((o) => o.orderNumber),
        'orderNumber',
        'order number',
      );
    this.checkKnowledgeBase();
    if (shop?.value) this.checkLanguagesHaveArticles(shop.value, shop.map);
    if (!this.findings.some((f) => f.severity === 'error')) {
      try {
        loadShop(this.dir);
      } catch (error) {
        this.add('error', '.', (error as Error).message);
      }
    }
    return {
      findings: this.findings,
      shop: shop?.value ? { id: shop.value.id, name: shop.value.name } : null,
      orders: orders?.value?.length ?? 0,
      articles: this.articles,
      autoSend: policy?.value
        ? { enabled: policy.value.autoSend.enabled, intents: policy.value.autoSend.intents.length }
        : null,
    };
  }

  private add(
    severity: ShopFinding['severity'],
    file: string,
    message: string,
    at?: { map: SourceMap; path: Path } | { line: number },
  ): void {
    const finding: ShopFinding = { severity, file, message };
    if (at && 'path' in at) {
      finding.line = at.map.lineOf(at.path);
      if (at.path.length) finding.field = fieldName(at.path);
    } else if (at) {
      finding.line = at.line;
    }
    this.findings.push(finding);
  }

  private read(file: string): string | null {
    try {
      return readFileSync(join(this.dir, file), 'utf8');
    } catch (error) {
      this.add('error', file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      return null;
    }
  }

  /**
   * Reads, parses and validates one YAML or JSON file, adding a finding for each problem: null when it is missing or
   * cannot be parsed, `value` null when it does not match the schema (`raw` is still there for further checks).
   */
  private parse<T>(
    file: string,
    schema: z.ZodType<T>,
    options: { required?: boolean; json?: boolean; empty?: unknown; firstLine?: number; text?: string },
  ) {
    if (options.text === undefined && !existsSync(join(this.dir, file))) {
      if (options.required) this.add('error', file, 'the file is missing');
      return null;
    }
    const text = options.text ?? this.read(file);
    if (text === null) return null;
    const jsonError = options.json ? jsonSyntaxProblem(text) : null;
    if (jsonError) {
      this.add('error', file, `invalid JSON: ${jsonError.message}`, { line: jsonError.line });
      return null;
    }
    const map = SourceMap.parse(text, options.firstLine);
    for (const error of map.syntaxErrors)
      this.add('error', file, `invalid YAML: ${error.message}`, { line: error.line });
    if (map.syntaxErrors.length) return null;
    const raw = map.data() ?? options.empty;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { value: parsed.data, map, raw };
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          this.add('error', file, `unknown field "${key}"`, { map, path: [...issue.path, key] });
      } else {
        const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
        this.add('error', file, missing ? `required field is missing (expected ${issue.expected})` : issue.message, {
          map,
          path: issue.path,
        });
      }
    }
    return { value: null, map, raw };
  }

  private duplicates(file: string, map: SourceMap, values: string[], key: string, what: string): void {
    values.forEach((value, i) => {
      const first = values.indexOf(value);
      if (first < i)
        this.add('error', file, `duplicate ${what} "${value}" (also at line ${map.lineOf([first, key])})`, {
          map,
          path: [i, key],
        });
    });
  }

  /** Read from the raw policy, so that a misspelt intent is reported beside any other problem of the file. */
  private checkPolicyIntents(raw: unknown, map: SourceMap): void {
    const autoSend = (raw as { autoSend?: { intents?: unknown; minConfidence?: unknown } } | null)?.autoSend;
    const intents = Array.isArray(autoSend?.intents) ? autoSend.intents : [];
    intents.forEach((intent, i) => {
      if (typeof intent === 'string' && !KNOWN_INTENTS.has(intent)) {
        this.add('error', 'policy.yaml', `unknown intent "${intent}" ${knownList()}`, {
          map,
          path: ['autoSend', 'intents', i],
        });
      }
    });
    const minConfidence = autoSend?.minConfidence;
    if (!minConfidence || typeof minConfidence !== 'object') return;
    for (const intent of Object.keys(minConfidence)) {
      if (intent !== 'default' && !KNOWN_INTENTS.has(intent)) {
        this.add('error', 'policy.yaml', `unknown intent "${intent}" (known: default, ${INTENTS.join(', ')})`, {
          map,
          path: ['autoSend', 'minConfidence', intent],
        });
      }
    }
  }

  private checkKnowledgeBase(): void {
    const kbDir = join(this.dir, 'kb');
    if (!existsSync(kbDir)) return;
    const ids = new Map<string, string>();
    for (const language of readdirSync(kbDir).sort()) {
      if (!statSync(join(kbDir, language)).isDirectory()) {
        this.add('error', `kb/${language}`, 'not a folder: articles go in kb/<language>/<name>.md');
        continue;
      }
      for (const name of readdirSync(join(kbDir, language)).sort()) {
        const file = `kb/${language}/${name}`;
        if (name.endsWith('.md')) this.checkArticle(file, language, ids);
        else this.add('warning', file, 'ignored: only .md files are articles');
      }
    }
  }

  private checkArticle(file: string, folder: string, ids: Map<string, string>): void {
    const text = this.read(file);
    if (text === null) return;
    if (!text.trim()) return this.add('error', file, 'the article is empty');
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
    if (!frontMatter)
      return this.add(
        'error',
        file,
        'front matter is missing: start with ---, then id, title, kind, language, intents, then ---',
        { line: 1 },
      );
    const article = this.parse(file, snippetFrontMatter, { text: frontMatter[1], firstLine: 2, empty: {} });
    if (!text.slice(frontMatter[0].length).trim()) {
      this.add('error', file, 'the article has no text below its front matter', {
        line: frontMatter[0].split('\n').length,
      });
    }
    if (!article?.value) return;
    const { value, map } = article;
    value.intents.forEach((intent, i) => {
      if (!KNOWN_INTENTS.has(intent))
        this.add('error', file, `unknown intent "${intent}" ${knownList()}`, { map, path: ['intents', i] });
    });
    if (value.language !== folder)
      this.add('warning', file, `language "${value.language}" differs from its folder kb/${folder}/`, {
        map,
        path: ['language'],
      });
    const other = ids.get(value.id);
    if (other) this.add('error', file, `duplicate id "${value.id}" (also in ${other})`, { map, path: ['id'] });
    ids.set(value.id, file);
    this.articles[folder] = (this.articles[folder] ?? 0) + 1;
  }

  /** The languages a shop signs in should have articles to quote; without them drafts only acknowledge. */
  private checkLanguagesHaveArticles(shop: z.infer<typeof shopSchema>, map: SourceMap): void {
    const languages = new Map<string, Path>(Object.keys(shop.signature).map((l) => [l, ['signature', l]]));
    if (!languages.has(shop.defaultLanguage)) languages.set(shop.defaultLanguage, ['defaultLanguage']);
    for (const [language, path] of languages) {
      if (!this.articles[language])
        this.add('warning', 'shop.yaml', `no KB articles for "${language}" in kb/${language}/`, { map, path });
    }
  }
}
