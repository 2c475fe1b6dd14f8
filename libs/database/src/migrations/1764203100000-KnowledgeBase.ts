import { MigrationInterface, QueryRunner } from 'typeorm';

export class KnowledgeBase1764203100000 implements MigrationInterface {
  name = 'KnowledgeBase1764203100000';

  async up(q: QueryRunner): Promise<void> {
    // Stemming must match the article's language ("fietsen" → "fiets" only under dutch), so the text search
    // configuration follows the language column; both the generated column and the query use kb_ts_config.
    await q.query(`
      CREATE FUNCTION kb_ts_config(language text) RETURNS regconfig
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE split_part(lower(language), '-', 1)
          WHEN 'nl' THEN 'dutch'::regconfig
          WHEN 'en' THEN 'english'::regconfig
          WHEN 'de' THEN 'german'::regconfig
          WHEN 'fr' THEN 'french'::regconfig
          ELSE 'simple'::regconfig
        END
      $$`);
    // Articles, macros (canned answers) and policies per shop and language; ids come from the Markdown front matter.
    await q.query(`
      CREATE TABLE kb_entries (
        shop_id     text NOT NULL,
        id          text NOT NULL,
        kind        text NOT NULL CHECK (kind IN ('article', 'macro', 'policy')),
        language    text NOT NULL,
        title       text NOT NULL,
        body        text NOT NULL,
        intents     text[] NOT NULL DEFAULT '{}',
        url         text,
        search      tsvector GENERATED ALWAYS AS (
                      setweight(to_tsvector(kb_ts_config(language), title), 'A') ||
                      setweight(to_tsvector(kb_ts_config(language), body), 'B')
                    ) STORED,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shop_id, id)
      )`);
    await q.query(`CREATE INDEX kb_entries_search ON kb_entries USING GIN (search)`);
    await q.query(`CREATE INDEX kb_entries_shop_language ON kb_entries (shop_id, language)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS kb_entries`);
    await q.query(`DROP FUNCTION IF EXISTS kb_ts_config(text)`);
  }
}
