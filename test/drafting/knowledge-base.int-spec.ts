import { InMemoryKnowledge, KbRepository, PgKnowledge, loadSampleShop, sampleShopDir } from '@draftdesk/shop';
import { Client } from 'pg';
import { run as kbCommand } from '../../apps/cli/src/commands/kb.command';
import { createTestDatabase, TestDatabase } from '../support/database';

// The knowledge base on the real PostgreSQL: migration, `draftdesk kb import`, full-text search per language.
let db: TestDatabase;
let client: Client;
const sample = loadSampleShop();

async function importSample(): Promise<{ created: number; updated: number; unchanged: number; files: number }> {
  const writes: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => (writes.push(String(chunk)), true)) as typeof process.stdout.write;
  try {
    process.env.DATABASE_URL = db.url;
    expect(await kbCommand(['import', sampleShopDir()])).toBe(0);
  } finally {
    process.stdout.write = write;
  }
  return JSON.parse(writes.join(''));
}

beforeAll(async () => {
  db = await createTestDatabase('kb');
  client = new Client({ connectionString: db.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe('knowledge base in PostgreSQL (real engine)', () => {
  it('imports the sample shop folder, and importing again changes nothing (idempotent upsert by id)', async () => {
    const first = await importSample();
    expect(first).toMatchObject({ files: sample.snippets.length, created: sample.snippets.length, updated: 0 });
    const second = await importSample();
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: sample.snippets.length });
    const [{ n }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM kb_entries WHERE shop_id = $1`, [
      sample.shop.id,
    ]);
    expect(Number(n)).toBe(sample.snippets.length);
  });

  it('stores the text search configuration of each language', async () => {
    const rows = await db.query<{ language: string; cfg: string }>(
      `SELECT DISTINCT language, kb_ts_config(language)::text AS cfg FROM kb_entries ORDER BY language`,
    );
    expect(rows).toEqual([
      { language: 'de', cfg: 'german' },
      { language: 'en', cfg: 'english' },
      { language: 'fr', cfg: 'french' },
      { language: 'nl', cfg: 'dutch' },
    ]);
    const [de] = await db.query<{ cfg: string }>(`SELECT kb_ts_config('de')::text AS cfg`);
    expect(de.cfg).toBe('german');
  });

  it.each([
    ['nl', 'Hoe kan ik mijn fietsen retourneren en wanneer krijg ik mijn geld terug?', /retour|terugbetal|geld terug/i],
    ['en', 'How do I return the bikes I bought and get my money back?', /return|refund|money back/i],
    ['nl', 'Ik wil een factuur downloaden', /factu/i],
    ['en', 'Where can I download invoices?', /invoice/i],
  ])('searches %s with stemming in that language: %s', async (language, text, title) => {
    const found = await new KbRepository(client).search(sample.shop.id, language, text, { limit: 3 });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.language === language)).toBe(true);
    expect(found[0].title).toMatch(title);
  });

  it('updates an entry in place and the search sees the change; delete removes it', async () => {
    const repo = new KbRepository(client);
    await repo.upsert({
      shopId: sample.shop.id,
      id: 'nl-test-fietsenstalling',
      kind: 'article',
      language: 'nl',
      title: 'Fietsenstalling',
      body: 'Onze winkels hebben een overdekte fietsenstalling.',
      intents: [],
    });
    expect((await repo.search(sample.shop.id, 'nl', 'Hebben jullie een overdekte fietsenstalling?'))[0]?.id).toBe(
      'nl-test-fietsenstalling',
    );
    await repo.upsert({
      shopId: sample.shop.id,
      id: 'nl-test-fietsenstalling',
      kind: 'article',
      language: 'nl',
      title: 'Parkeren',
      body: 'Parkeren kan achter de winkel.',
      intents: [],
    });
    expect((await repo.get(sample.shop.id, 'nl-test-fietsenstalling'))?.title).toBe('Parkeren');
    expect(await repo.remove(sample.shop.id, 'nl-test-fietsenstalling')).toBe(true);
    expect(await repo.get(sample.shop.id, 'nl-test-fietsenstalling')).toBeNull();
  });

  it('the drafter retrieves from PostgreSQL when the shop has rows there, else from the in-memory sample', async () => {
    const pg = new PgKnowledge(new KbRepository(client), { name: 'never', search: async () => [] });
    const hits = await pg.search({
      shopId: sample.shop.id,
      intent: 'get_invoice',
      language: 'nl',
      text: 'Kan ik de factuur krijgen?',
    });
    expect(hits[0]?.intents).toContain('get_invoice');
    const empty = new PgKnowledge(new KbRepository(client), new InMemoryKnowledge(sample.snippets));
    const fallback = await empty.search({
      shopId: 'no-such-shop',
      intent: 'get_invoice',
      language: 'nl',
      text: 'Kan ik de factuur krijgen?',
    });
    expect(fallback[0]?.intents).toContain('get_invoice');
  });
});
