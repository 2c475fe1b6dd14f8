import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { inboundEmail, publishInbound } from '../support/inbound';
import { RunningService, ServiceName, startService } from '../support/services';

interface KbEntryView {
  id: string;
  kind: string;
  language: string;
  title: string;
  body: string;
  intents: string[];
  url?: string;
  updatedAt?: string;
}

const TOKEN = `kb-${randomBytes(24).toString('hex')}`;
const run = randomBytes(3).toString('hex');
const uniqueId = (name: string) => `${name}-${run}`;

function article(overrides: Partial<KbEntryView> = {}): KbEntryView {
  return {
    id: uniqueId('art'),
    kind: 'article',
    language: 'nl',
    title: 'Je bestelling volgen',
    body: 'Zodra je bestelling is verzonden krijg je een e-mail met de track-and-trace-code.',
    intents: ['track_order'],
    url: 'https://shop.test/klantenservice/volgen',
    ...overrides,
  };
}

/**
 * The drafter's knowledge-base API (/v1/kb) as a process from dist on the real PostgreSQL, and the draft the
 * pipeline (Kafka → conversations → triage → drafter) writes once an article has been added through it.
 */
describe('knowledge base HTTP API of the drafter service', () => {
  const services: Partial<Record<ServiceName, RunningService>> = {};
  const prefix = `kbapi-${run}.`;
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('kb_api');
    const env = { DATABASE_URL: db.url, KAFKA_BROKERS: engines.kafkaBrokers, KAFKA_TOPIC_PREFIX: prefix };
    const names: ServiceName[] = ['drafter', 'conversations', 'triage'];
    for (const name of names)
      services[name] = await startService(
        name,
        name === 'drafter' ? { ...env, KB_API_TOKEN: TOKEN } : env,
        `kb-api-${name}`,
      );
    await Promise.all(names.map((n) => services[n]!.ready()));
  });

  afterAll(async () => {
    await Promise.all(Object.values(services).map((s) => s.kill('SIGTERM')));
    await db?.drop();
  });

  async function call(method: string, path: string, body?: unknown, authorization: string | null = `Bearer ${TOKEN}`) {
    const headers: Record<string, string> = {};
    if (authorization !== null) headers.authorization = authorization;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${services.drafter!.url}/v1/kb${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  const search = async (lang: string, q: string) => {
    const res = await call('GET', `/search?lang=${lang}&q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return (res.body.items as KbEntryView[]).map((i) => i.id);
  };

  describe('authorisation with KB_API_TOKEN set', () => {
    const guarded = () => [
      { method: 'GET', path: '/articles' },
      { method: 'GET', path: `/articles/${uniqueId('nope')}` },
      { method: 'GET', path: '/search?lang=nl&q=bestelling' },
      { method: 'POST', path: '/articles', body: article({ id: uniqueId('forged') }) },
      { method: 'PUT', path: `/articles/${uniqueId('forged')}`, body: { ...article(), id: undefined } },
      { method: 'DELETE', path: `/articles/${uniqueId('forged')}` },
    ];
    it.each([
      { name: 'no Authorization header', authorization: null },
      { name: 'a wrong token of the same length', authorization: `Bearer ${'x'.repeat(TOKEN.length)}` },
      { name: 'a truncated token', authorization: `Bearer ${TOKEN.slice(0, -1)}` },
      { name: 'another scheme', authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}` },
    ])('answers 401 to every route with $name, and changes nothing', async ({ authorization }) => {
      for (const { method, path, body } of guarded()) {
        const res = await call(method, path, body, authorization);
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 401 });
      }
      expect((await call('GET', `/articles/${uniqueId('forged')}`)).status).toBe(404);
    });
  });

  describe('create, read, update, delete', () => {
    it('creates an article (201), reads it back, replaces it with PUT, lists it, and deletes it (204, then 404)', async () => {
      const created = article({ id: uniqueId('crud') });
      const post = await call('POST', '/articles', created);
      expect(post.status).toBe(201);
      expect(post.body).toMatchObject(created);

      const read = await call('GET', `/articles/${created.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject(created);

      const again = await call('POST', '/articles', { ...created, title: 'Overschreven?' });
      expect(again.status).toBe(409);
      expect((await call('GET', `/articles/${created.id}`)).body.title).toBe(created.title);

      const { id: _id, url: _url, ...rest } = created;
      const replaced = await call('PUT', `/articles/${created.id}`, {
        ...rest,
        title: 'Waar is mijn pakket?',
        intents: ['track_order', 'delivery_period'],
      });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toMatchObject({
        id: created.id,
        title: 'Waar is mijn pakket?',
        intents: ['track_order', 'delivery_period'],
      });
      // PUT replaces the whole entry: the url it no longer names is gone.
      expect(replaced.body.url).toBeUndefined();

      const listed = await call('GET', '/articles?language=nl&kind=article');
      expect(listed.status).toBe(200);
      expect((listed.body.items as KbEntryView[]).map((i) => i.id)).toContain(created.id);
      const otherKind = await call('GET', '/articles?kind=macro');
      expect((otherKind.body.items as KbEntryView[]).map((i) => i.id)).not.toContain(created.id);

      expect((await call('DELETE', `/articles/${created.id}`)).status).toBe(204);
      expect((await call('GET', `/articles/${created.id}`)).status).toBe(404);
      expect((await call('DELETE', `/articles/${created.id}`)).status).toBe(404);
      expect(await db.query(`SELECT 1 FROM kb_entries WHERE id = $1`, [created.id])).toHaveLength(0);
    });

    it('PUT on an unknown id creates the entry (an import is a series of PUTs)', async () => {
      const id = uniqueId('put-new');
      const { id: _id, ...rest } = article({ title: 'Nieuw via PUT' });
      const res = await call('PUT', `/articles/${id}`, rest);
      expect(res.status).toBe(200);
      expect((await call('GET', `/articles/${id}`)).body).toMatchObject({ id, title: 'Nieuw via PUT' });
    });
  });

  describe('validation: 400 naming the field', () => {
    it.each([
      { name: 'missing title', body: { ...article(), title: undefined }, field: 'title' },
      { name: 'empty body', body: article({ body: '' }), field: 'body' },
      { name: 'unknown kind', body: { ...article(), kind: 'faq' }, field: 'kind' },
      { name: 'language that is not a code', body: article({ language: 'dutch' }), field: 'language' },
      { name: 'id with a space', body: article({ id: 'two words' }), field: 'id' },
      { name: 'url that is not a URL', body: article({ url: 'shop.test/x' }), field: 'url' },
      { name: 'intents not an array', body: { ...article(), intents: 'track_order' }, field: 'intents' },
    ])('POST with $name → 400 naming $field', async ({ body, field }) => {
      const res = await call('POST', '/articles', body);
      expect(res.status).toBe(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    });

    it('rejects an unknown field, naming it', async () => {
      const res = await call('POST', '/articles', { ...article(), author: 'someone' });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('author');
    });

    it('PUT with an id in the body → 400 (the id is the path)', async () => {
      const res = await call('PUT', `/articles/${uniqueId('x')}`, article());
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('id');
    });

    it.each([
      { name: 'no q', query: 'lang=nl', field: 'q' },
      { name: 'no lang', query: 'q=bestelling', field: 'lang' },
      { name: 'limit 0', query: 'lang=nl&q=bestelling&limit=0', field: 'limit' },
    ])('search with $name → 400 naming $field', async ({ query, field }) => {
      const res = await call('GET', `/search?${query}`);
      expect(res.status).toBe(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    });
  });

  describe('search in the language of the article, with stemming', () => {
    const nl = article({
      id: uniqueId('nl-volgen'),
      title: 'Je bestelling volgen',
      body: 'Met de track-and-trace-code volg je het pakket tot aan de deur.',
    });
    const en = article({
      id: uniqueId('en-returns'),
      language: 'en',
      title: 'Returning an item',
      body: 'You can send products back within 30 days; we refund the purchase price once we received them.',
      intents: ['return'],
    });

    beforeAll(async () => {
      for (const entry of [nl, en]) expect((await call('POST', '/articles', entry)).status).toBe(201);
    });

    it.each([
      { lang: 'nl', q: 'bestellingen', found: nl.id, why: 'Dutch plural stems to the singular' },
      { lang: 'nl', q: 'Waar zijn mijn pakketten?', found: nl.id, why: 'pakketten → pakket' },
      { lang: 'en', q: 'how do returns work', found: en.id, why: 'returns → returning' },
      { lang: 'en', q: 'refunded', found: en.id, why: 'refunded → refund' },
    ])('$lang "$q" finds the article ($why)', async ({ lang, q, found }) => {
      expect(await search(lang, q)).toContain(found);
    });

    it.each([
      { lang: 'en', q: 'bestelling', absent: nl.id, why: 'a Dutch article is not searched in English' },
      { lang: 'nl', q: 'returning refund', absent: en.id, why: 'an English article is not searched in Dutch' },
      { lang: 'nl', q: 'factuur downloaden', absent: nl.id, why: 'no shared word' },
    ])('$lang "$q" does not find the article ($why)', async ({ lang, q, absent }) => {
      expect(await search(lang, q)).not.toContain(absent);
    });

    it('stops finding an article once it is deleted', async () => {
      const gone = article({
        id: uniqueId('nl-weg'),
        title: 'Kortingscodes',
        body: 'Een kortingscode vul je in bij het afrekenen.',
      });
      expect((await call('POST', '/articles', gone)).status).toBe(201);
      expect(await search('nl', 'kortingscodes')).toContain(gone.id);
      expect((await call('DELETE', `/articles/${gone.id}`)).status).toBe(204);
      expect(await search('nl', 'kortingscodes')).not.toContain(gone.id);
    });
  });

  it('a draft made through the pipeline after the article was added cites it', async () => {
    const voucher = article({
      id: uniqueId('nl-cadeaubon'),
      title: 'Betalen met een cadeaubon',
      body: 'Een cadeaubon van Fietsenwinkel Hollandia verzilver je bij het afrekenen: vul de code van de cadeaubon in bij "Betaalmethode".',
      intents: ['check_payment_methods', 'payment_issue'],
      url: 'https://shop.test/klantenservice/cadeaubon',
    });
    expect((await call('POST', '/articles', voucher)).status).toBe(201);

    const address = `eva-${run}@example.test`;
    const text =
      'Hallo, ik heb een cadeaubon gekregen. Hoe kan ik met die cadeaubon betalen in jullie webwinkel?\n\nGroeten, Eva';
    const payload = inboundEmail({
      externalMessageId: `voucher-${run}@example.test`,
      from: { address, name: 'Eva Jansen' },
      subject: 'Cadeaubon gebruiken',
      text,
    });
    await publishInbound(prefix, payload);

    const [draft] = await expectEventually(
      async () => {
        const rows = await db.query<{ language: string; citations: string[]; body: string | null }>(
          `SELECT d.language, d.citations, d.body FROM drafts d JOIN messages m ON m.id = d.message_id WHERE m.external_message_id = $1`,
          [payload.externalMessageId],
        );
        expect(rows).toHaveLength(1);
        return rows;
      },
      { timeoutMs: 60_000 },
    );
    expect(draft.language).toBe('nl');
    expect(draft.citations).toContain(voucher.id);
    expect(draft.body).toContain(voucher.url);
  });
});
