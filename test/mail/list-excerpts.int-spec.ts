import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { RunningService, startService } from '../support/services';
import { seedItem, tokenClient } from '../review/review-fixtures';

/**
 * A huge mail (a 3 MB body and subject) must not make every list call carry it: the review queue list and the
 * conversations list return bounded excerpts, the single item keeps the whole text. Real PostgreSQL, services from dist/.
 */
describe('list endpoints with a huge mail in the database', () => {
  const apiToken = `it-${randomBytes(24).toString('hex')}`;
  const huge = 'Mijn pakket is zoek. '.repeat(150_000);
  let db: TestDatabase;
  let review: RunningService;
  let conversations: RunningService;
  let draftId: string;

  beforeAll(async () => {
    db = await createTestDatabase('list_excerpts');
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: `lx-${randomBytes(4).toString('hex')}.`,
    };
    [review, conversations] = await Promise.all([
      startService(
        'review',
        {
          ...env,
          REVIEW_ADMIN_EMAIL: 'admin@shop.test',
          REVIEW_ADMIN_PASSWORD: 'correct horse battery staple',
          REVIEW_API_TOKEN: apiToken,
        },
        'list-excerpts-review',
      ),
      // The conversations API is closed without a token; it accepts the review API token.
      startService('conversations', { ...env, REVIEW_API_TOKEN: apiToken }, 'list-excerpts-conversations'),
    ]);
    await Promise.all([review.ready(), conversations.ready()]);
    const seeded = await seedItem(db);
    draftId = seeded.draftId;
    await seedItem(db);
    await db.query(
      `UPDATE review_items SET payload = jsonb_set(jsonb_set(payload, '{customerText}', to_jsonb($2::text)), '{subject}', to_jsonb($2::text)) WHERE draft_id = $1`,
      [draftId, huge],
    );
    await db.query(`UPDATE conversations SET subject = $2 WHERE id = $1`, [seeded.conversationId, huge]);
    await db.query(`UPDATE customers SET name = $1`, [huge]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([review?.kill('SIGTERM'), conversations?.kill('SIGTERM')]);
    await db?.drop();
  });

  it('GET /v1/drafts returns an excerpt of the customer text and subject, and says it was cut', async () => {
    const res = await tokenClient(review.url, apiToken)('/v1/drafts?limit=50');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.length).toBeLessThan(50_000);
    const body = JSON.parse(text) as { items?: unknown[] } | unknown[];
    const items = (Array.isArray(body) ? body : (body.items ?? [])) as {
      draftId: string;
      customerText: string;
      subject: string;
      customerTextTruncated: boolean;
    }[];
    expect(items).toHaveLength(2);
    const big = items.find((i) => i.draftId === draftId)!;
    expect(big.customerText).toBe(huge.slice(0, 2000));
    expect(big.subject).toBe(huge.slice(0, 2000));
    expect(big.customerTextTruncated).toBe(true);
    const small = items.find((i) => i.draftId !== draftId)!;
    expect(small).toMatchObject({
      customerText: 'Waar is bestelling 100234?',
      subject: 'Re: Waar is mijn bestelling?',
      customerTextTruncated: false,
    });
  });

  it('GET /v1/drafts/:id keeps the whole customer text', async () => {
    const res = await tokenClient(review.url, apiToken)(`/v1/drafts/${draftId}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain(huge);
  });

  it('GET /v1/conversations cuts the subject and customer name; GET /v1/conversations/:id has them whole', async () => {
    const res = await fetch(`${conversations.url}/v1/conversations`, {
      headers: { authorization: `Bearer ${apiToken}` },
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.length).toBeLessThan(50_000);
    const list = JSON.parse(text) as { id: string; subject: string; customerName: string }[];
    const big = list.find((c) => c.subject.startsWith('Mijn pakket'))!;
    expect(big.subject).toBe(huge.slice(0, 2000));
    expect(big.customerName).toBe(huge.slice(0, 500));
    const one = (await (
      await fetch(`${conversations.url}/v1/conversations/${big.id}`, {
        headers: { authorization: `Bearer ${apiToken}` },
      })
    ).json()) as { subject: string };
    expect(one.subject).toBe(huge);
  });
});
