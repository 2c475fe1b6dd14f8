import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { RunningService, startService } from '../support/services';
import { SessionClient, tokenClient } from './review-fixtures';

interface Article {
  id: string;
  kind: string;
  language: string;
  title: string;
  body: string;
  intents: string[];
  url?: string;
  source: string;
}

/** The drafter's knowledge base through the desk's API (/v1/knowledge) on the real PostgreSQL, the sample shop. */
describe('desk knowledge base API', () => {
  const password = 'knowledge password 12';
  const apiToken = `it-${randomBytes(24).toString('hex')}`;
  let db: TestDatabase;
  let review: RunningService;
  let lead: SessionClient;
  let agent: SessionClient;

  beforeAll(async () => {
    db = await createTestDatabase('kb_articles');
    review = await startService(
      'review',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: `kb-${randomBytes(4).toString('hex')}.`,
        REVIEW_ADMIN_EMAIL: 'admin@shop.test',
        REVIEW_ADMIN_PASSWORD: password,
        REVIEW_API_TOKEN: apiToken,
      },
      'kb-articles',
    );
    await review.ready();
    const admin = tokenClient(review.url, apiToken);
    for (const [email, role] of [
      ['lead@shop.test', 'lead'],
      ['agent@shop.test', 'agent'],
    ] as const) {
      const res = await admin('/v1/users', { method: 'POST', json: { email, name: role, password, role } });
      expect(res.status).toBe(201);
    }
    lead = new SessionClient(review.url);
    agent = new SessionClient(review.url);
    expect((await lead.login('lead@shop.test', password)).status).toBe(200);
    expect((await agent.login('agent@shop.test', password)).status).toBe(200);
  });

  afterAll(async () => {
    await review?.kill('SIGTERM');
    await db?.drop();
  });

  const create = (c: SessionClient, json: unknown) => c.fetch('/v1/knowledge/articles', { method: 'POST', json });

  it('is closed without a sign-in', async () => {
    expect((await fetch(`${review.url}/v1/knowledge/articles`)).status).toBe(401);
    expect((await fetch(`${review.url}/v1/knowledge/articles/en-account`)).status).toBe(401);
  });

  it("opens the shop folder's article a draft cites while the table has none, read-only", async () => {
    const res = await agent.fetch('/v1/knowledge/articles/en-account');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 'en-account', language: 'en', source: 'shop-folder' });
    const list = (await (await agent.fetch('/v1/knowledge/articles')).json()) as { items: []; folderArticles: number };
    expect(list.items).toEqual([]);
    expect(list.folderArticles).toBeGreaterThan(10);
  });

  it('lets a lead add, find, change and delete an article, each change audited; a deleted article answers 404', async () => {
    const res = await create(lead, {
      language: 'EN',
      title: 'Returns & refunds',
      body: '# Returns\n\nSend it back within **30 days**. <script>alert(1)</script>',
      intents: ['return_request'],
      url: 'https://shop.test/en/help/returns',
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Article;
    expect(created).toMatchObject({ id: 'en-returns-refunds', language: 'en', kind: 'article', source: 'database' });
    expect((await create(lead, { language: 'nl', title: 'Retourneren', body: 'Binnen 30 dagen.' })).status).toBe(201);

    const list = async (query: string) =>
      ((await (await agent.fetch(`/v1/knowledge/articles${query}`)).json()) as { items: Article[] }).items.map(
        (a) => a.id,
      );
    expect(await list('')).toEqual(['en-returns-refunds', 'nl-retourneren']);
    expect(await list('?language=nl')).toEqual(['nl-retourneren']);
    expect(await list('?q=30%20DAYS')).toEqual(['en-returns-refunds']);
    expect(await list('?q=50%25')).toEqual([]);
    // The table has articles now: drafts no longer use the folder's, and neither does the desk.
    expect((await agent.fetch('/v1/knowledge/articles/en-account')).status).toBe(404);

    const changed = await lead.fetch(`/v1/knowledge/articles/${created.id}`, {
      method: 'PUT',
      json: { language: 'en', title: 'Returns', body: 'Within 30 days.', intents: [] },
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ id: created.id, title: 'Returns', intents: [] });

    expect((await lead.fetch(`/v1/knowledge/articles/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await agent.fetch(`/v1/knowledge/articles/${created.id}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ statusCode: 404, code: 'KB_ARTICLE_NOT_FOUND' });
    expect((await lead.fetch(`/v1/knowledge/articles/${created.id}`, { method: 'DELETE' })).status).toBe(404);
    expect(
      (
        await lead.fetch('/v1/knowledge/articles/nope', {
          method: 'PUT',
          json: { language: 'en', title: 'x', body: 'y' },
        })
      ).status,
    ).toBe(404);

    const audit = await db.query<{ action: string; actor: string; shop_id: string }>(
      `SELECT action, actor, shop_id FROM audit_log WHERE entity = 'kb_article' AND entity_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(audit).toEqual([
      { action: 'kb_create', actor: 'lead@shop.test', shop_id: 'default' },
      { action: 'kb_update', actor: 'lead@shop.test', shop_id: 'default' },
      { action: 'kb_delete', actor: 'lead@shop.test', shop_id: 'default' },
    ]);
  });

  it('lets agents read but not write', async () => {
    expect((await create(agent, { language: 'en', title: 'Mine', body: 'text' })).status).toBe(403);
    expect((await agent.fetch('/v1/knowledge/articles/nl-retourneren', { method: 'DELETE' })).status).toBe(403);
    expect((await agent.fetch('/v1/knowledge/articles/nl-retourneren')).status).toBe(200);
  });

  it('answers 400 naming each bad field, and 409 naming the id when it is taken', async () => {
    const bad = await create(lead, {
      language: 'dutch',
      title: ' ',
      body: '',
      intents: ['Not An Intent'],
      url: 'not a url',
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { statusCode: number; code: string; errors: { field: string }[] };
    expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(body.errors.map((e) => e.field).sort()).toEqual(['body', 'colour', 'intents.0', 'language', 'title', 'url']);

    const taken = await create(lead, { language: 'nl', title: 'Retourneren!', body: 'Nog een.' });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ code: 'KB_ARTICLE_ID_TAKEN', errors: [{ field: 'id' }] });
    expect((await agent.fetch('/v1/knowledge/articles?limit=0')).status).toBe(400);
  });
});
