import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { RunningService, startService } from '../support/services';
import { seedItem, tokenClient } from './review-fixtures';

/** Two review replicas on one database: a claim made on B reaches an SSE client of A through LISTEN/NOTIFY. */
describe('live updates across review replicas', () => {
  const apiToken = `it-${randomBytes(24).toString('hex')}`;
  let db: TestDatabase;
  const replicas: RunningService[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('review_live');
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: `rl-${randomBytes(4).toString('hex')}.`,
      REVIEW_API_TOKEN: apiToken,
    };
    // One after the other: both run the migrations at start.
    for (const name of ['a', 'b']) {
      const replica = await startService('review', env, `review-live-${name}`);
      await replica.ready();
      replicas.push(replica);
    }
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.kill('SIGTERM')));
    await db?.drop();
  });

  it('shows a client of replica A the claim, and the decision made on replica B, each once', async () => {
    const [a, b] = replicas.map((r) => tokenClient(r.url, apiToken));
    const abort = new AbortController();
    const stream = await a('/v1/events', { signal: abort.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    let text = '';
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += Buffer.from(value).toString('utf8');
      }
    })().catch(() => undefined);

    const { draftId } = await seedItem(db);
    const claim = await b(`/v1/drafts/${draftId}/claim`, { method: 'POST', json: {} });
    expect(claim.status).toBe(200);
    const { version } = (await claim.json()) as { version: number };
    expect(
      (await b(`/v1/drafts/${draftId}/reject`, { method: 'POST', json: { reason: 'wrong tone', version } })).status,
    ).toBe(200);

    const frame = (type: string) =>
      new RegExp(`event: ${type}\\nid: \\d+\\ndata: \\{[^\\n]*"draftId":"${draftId}"`, 'g');
    await expectEventually(async () => {
      expect(text.match(frame('claimed'))).toHaveLength(1);
      expect(text.match(frame('resolved'))).toHaveLength(1);
    });
    abort.abort();
    await reading;
  });
});
