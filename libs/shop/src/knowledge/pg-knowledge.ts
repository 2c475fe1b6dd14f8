import type { KbSnippet } from '../shop.types';
import { KnowledgeQuery, KnowledgeSource } from './knowledge-source';

/** Anything that runs SQL with $n parameters: a pg Client or Pool, or a TypeORM DataSource/EntityManager. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface KbEntry extends KbSnippet {
  shopId: string;
  updatedAt?: string;
}

interface KbRow {
  shop_id: string;
  id: string;
  kind: KbSnippet['kind'];
  language: string;
  title: string;
  body: string;
  intents: string[];
  url: string | null;
  updated_at?: Date | string;
  rank?: number;
}

const COLUMNS = 'shop_id, id, kind, language, title, body, intents, url, updated_at';

// TypeORM answers UPDATE/DELETE … RETURNING with [rows, count] and SELECT with rows; pg answers { rows }.
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

function toEntry(row: KbRow): KbEntry {
  const entry: KbEntry = {
    shopId: row.shop_id,
    id: row.id,
    kind: row.kind,
    language: row.language,
    title: row.title,
    body: row.body,
    intents: row.intents ?? [],
  };
  if (row.url) entry.url = row.url;
  if (row.updated_at) entry.updatedAt = new Date(row.updated_at).toISOString();
  return entry;
}

/**
 * An OR of the message's words: websearch_to_tsquery would AND them all, and a customer's whole message never
 * appears in one article. Stop words and stemming are left to the language's text search configuration.
 */
export function orQuery(text: string, maxTerms = 40): string {
  const words = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []) {
    words.add(word);
    if (words.size >= maxTerms) break;
  }
  return [...words].join(' | ');
}

export function baseLanguage(language: string): string {
  return (language || '').toLowerCase().split(/[-_]/)[0];
}

/** The knowledge base in PostgreSQL (table kb_entries, see the KnowledgeBase migration). */
export class KbRepository {
  constructor(private readonly db: SqlRunner) {}

  /** Insert or replace by (shop, id): importing the same folder twice changes nothing. */
  async upsert(entry: KbEntry): Promise<{ created: boolean }> {
    const rows = rowsOf<{ created: boolean }>(
      await this.db.query(
        `INSERT INTO kb_entries (shop_id, id, kind, language, title, body, intents, url)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (shop_id, id) DO UPDATE SET kind = EXCLUDED.kind, language = EXCLUDED.language, title = EXCLUDED.title,
           body = EXCLUDED.body, intents = EXCLUDED.intents, url = EXCLUDED.url, updated_at = now()
         WHERE (kb_entries.kind, kb_entries.language, kb_entries.title, kb_entries.body, kb_entries.intents, kb_entries.url)
           IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.language, EXCLUDED.title, EXCLUDED.body, EXCLUDED.intents, EXCLUDED.url)
         RETURNING (xmax = 0) AS created`,
        [
          entry.shopId,
          entry.id,
          entry.kind,
          baseLanguage(entry.language),
          entry.title,
          entry.body,
          entry.intents,
          entry.url ?? null,
        ],
      ),
    );
    return { created: rows[0]?.created === true };
  }

  async get(shopId: string, id: string): Promise<KbEntry | null> {
    const rows = rowsOf<KbRow>(
      await this.db.query(`SELECT ${COLUMNS} FROM kb_entries WHERE shop_id = $1 AND id = $2`, [shopId, id]),
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async list(
    shopId: string,
    filter: { language?: string; kind?: string; q?: string; limit?: number; offset?: number } = {},
  ): Promise<KbEntry[]> {
    const rows = rowsOf<KbRow>(
      await this.db.query(
        `SELECT ${COLUMNS} FROM kb_entries
          WHERE shop_id = $1 AND ($2::text IS NULL OR language = $2) AND ($3::text IS NULL OR kind = $3)
            AND ($6::text IS NULL OR id ILIKE $6 OR title ILIKE $6 OR body ILIKE $6)
          ORDER BY language, id LIMIT $4 OFFSET $5`,
        [
          shopId,
          filter.language ? baseLanguage(filter.language) : null,
          filter.kind ?? null,
          filter.limit ?? 100,
          filter.offset ?? 0,
          // `%`, `_` and `\` match themselves: a search for "50%" is not a pattern.
          filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
        ],
      ),
    );
    return rows.map(toEntry);
  }

  async remove(shopId: string, id: string): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await this.db.query(`DELETE FROM kb_entries WHERE shop_id = $1 AND id = $2 RETURNING id`, [shopId, id]),
    );
    return rows.length > 0;
  }

  async count(shopId: string): Promise<number> {
    const rows = rowsOf<{ n: string | number }>(
      await this.db.query(`SELECT count(*) AS n FROM kb_entries WHERE shop_id = $1`, [shopId]),
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Full-text search in the language's own configuration, ranked by title-weighted relevance; entries tagged
   * with the message's intent come first even when they share no word with it.
   */
  async search(
    shopId: string,
    language: string,
    text: string,
    options: { intent?: string; limit?: number } = {},
  ): Promise<(KbEntry & { rank: number })[]> {
    const rows = rowsOf<KbRow>(
      await this.db.query(
        `SELECT ${COLUMNS}, ts_rank(search, q) AS rank
           FROM kb_entries, to_tsquery(kb_ts_config($2), $3) AS q
          WHERE shop_id = $1 AND language = $2 AND (search @@ q OR ($4::text IS NOT NULL AND $4 = ANY (intents)))
          ORDER BY ($4::text IS NOT NULL AND $4 = ANY (intents)) DESC, ts_rank(search, q) DESC, id
          LIMIT $5`,
        [shopId, baseLanguage(language), orQuery(text) || 'zzzzzz', options.intent ?? null, options.limit ?? 5],
      ),
    );
    return rows.map((row) => ({ ...toEntry(row), rank: Number(row.rank ?? 0) }));
  }
}

/**
 * Retrieval from PostgreSQL when the shop has entries there, else from the fallback (the shop folder's sample
 * knowledge). Whether the table has rows is remembered briefly so every draft does not count them.
 */
export class PgKnowledge implements KnowledgeSource {
  readonly name = 'postgres';
  private known = new Map<string, { at: number; hasRows: boolean }>();

  constructor(
    private readonly repository: KbRepository,
    private readonly fallback: KnowledgeSource,
    private readonly recheckMs = 30_000,
  ) {}

  async search(query: KnowledgeQuery): Promise<KbSnippet[]> {
    const seen = this.known.get(query.shopId);
    let hasRows = seen?.hasRows ?? false;
    if (!seen || Date.now() - seen.at > this.recheckMs) {
      hasRows = (await this.repository.count(query.shopId)) > 0;
      this.known.set(query.shopId, { at: Date.now(), hasRows });
    }
    if (!hasRows) return this.fallback.search(query);
    let found = await this.repository.search(query.shopId, query.language, query.text, {
      intent: query.intent,
      limit: query.limit ?? 3,
    });
    // Like the in-memory ranking: nothing in the customer's language, then English.
    if (found.length === 0 && baseLanguage(query.language) !== 'en') {
      found = await this.repository.search(query.shopId, 'en', query.text, {
        intent: query.intent,
        limit: query.limit ?? 3,
      });
    }
    return found.map(({ shopId: _shop, updatedAt: _at, rank: _rank, ...snippet }) => snippet);
  }

  /** After an import or an API change, so the next draft sees it. */
  forget(shopId?: string): void {
    if (shopId) this.known.delete(shopId);
    else this.known.clear();
  }
}
