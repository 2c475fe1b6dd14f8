import { INestApplication } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { signWebhook } from '../../apps/chat-gateway/src/intake/standard-webhooks.util';
import { bootChatApp, createTestSchema, genericChannel, newWebhookSecret, testOptions } from '../chat/chat-test.util';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { RunningService, ServiceName, startService } from '../support/services';

const REVIEW_TOKEN = `review-${randomBytes(16).toString('hex')}`;

interface Answer {
  status: number;
  body: { statusCode: number; code: string; message: string; errors: { field: string; message: string }[] };
}

async function call(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body: opts.body });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

/**
 * The services as processes from dist on real PostgreSQL and Kafka, on their default settings: what an API whose
 * token is unset answers, and what text PostgreSQL cannot store turns into (a 400 naming the field, never a 500).
 */
describe('hostile input and unset tokens (services from dist)', () => {
  const services: Partial<Record<ServiceName, RunningService>> = {};
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('hostile_input');
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: `hostile-${randomBytes(3).toString('hex')}.`,
    };
    services.review = await startService(
      'review',
      { ...env, REVIEW_API_TOKEN: REVIEW_TOKEN, REVIEW_LIVE_FANOUT: 'local' },
      'hostile-review',
    );
    services.drafter = await startService('drafter', env, 'hostile-drafter');
    services.conversations = await startService('conversations', env, 'hostile-conversations');
    // Three services starting at once on a shared CI machine can take a while.
    await Promise.all(Object.values(services).map((s) => s.ready(110_000)));
  });

  afterAll(async () => {
    await Promise.all(Object.values(services).map((s) => s.kill('SIGTERM')));
    await db?.drop();
  });

  it.each([
    { service: 'drafter' as const, method: 'GET', path: '/v1/kb/articles', variable: 'KB_API_TOKEN' },
    {
      service: 'drafter' as const,
      method: 'POST',
      path: '/v1/kb/articles',
      variable: 'KB_API_TOKEN',
      body: '{"id":"phish","kind":"article","language":"nl","title":"x","body":"https://evil.test"}',
    },
    { service: 'conversations' as const, method: 'GET', path: '/v1/conversations', variable: 'REVIEW_API_TOKEN' },
    {
      service: 'conversations' as const,
      method: 'GET',
      path: `/v1/conversations/${randomUUID()}`,
      variable: 'REVIEW_API_TOKEN',
    },
  ])(
    '$service: $method $path is closed (403) while $variable is unset, even to a bearer token',
    async ({ service, method, path, variable, body }) => {
      for (const token of [undefined, REVIEW_TOKEN]) {
        const res = await call(services[service]!.url, method, path, { token, body });
        expect(res).toEqual({
          status: 403,
          body: { statusCode: 403, code: 'API_CLOSED', message: expect.stringContaining(variable), errors: [] },
        });
      }
      expect(await db.query(`SELECT id FROM kb_entries WHERE id = 'phish'`)).toEqual([]);
    },
  );

  it.each([
    {
      name: 'a NUL in a note',
      method: 'POST',
      path: `/v1/drafts/${randomUUID()}/notes`,
      body: JSON.stringify({ body: 'call me\u0000' }),
      field: 'body',
    },
    {
      name: 'a NUL in an edited reply',
      method: 'POST',
      path: `/v1/drafts/${randomUUID()}/approve`,
      body: JSON.stringify({ body: '\u0000' }),
      field: 'body',
    },
    {
      name: 'an unpaired surrogate in a rejection',
      method: 'POST',
      path: `/v1/drafts/${randomUUID()}/reject`,
      body: '{"reason":"\\ud800 no"}',
      field: 'reason',
    },
    {
      name: 'a NUL deep in an unknown field',
      method: 'POST',
      path: `/v1/drafts/${randomUUID()}/escalate`,
      body: JSON.stringify({ x: [{ y: '\u0000' }] }),
      field: 'x.0.y',
    },
    { name: 'a NUL in a filter', method: 'GET', path: '/v1/drafts?intent=track%00order', field: 'intent' },
    { name: 'a NUL in a counts filter', method: 'GET', path: '/v1/drafts/counts?mailbox=%00', field: 'mailbox' },
    {
      name: 'year 0 as dueBefore',
      method: 'GET',
      path: '/v1/drafts?dueBefore=0000-01-01T00:00:00Z',
      field: 'dueBefore',
    },
    { name: 'an unknown filter', method: 'GET', path: '/v1/drafts?colour=red', field: 'colour' },
  ])('review: $name is a 400 naming $field', async ({ method, path, body, field }) => {
    const res = await call(services.review!.url, method, path, { token: REVIEW_TOKEN, body });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: expect.any(String),
      message: expect.stringContaining(field),
      errors: [expect.objectContaining({ field })],
    });
  });

  describe('chat webhooks', () => {
    const secret = newWebhookSecret();
    let app: INestApplication;
    let schema: Awaited<ReturnType<typeof createTestSchema>>;

    beforeAll(async () => {
      schema = await createTestSchema('hostile_chat');
      app = await bootChatApp(schema.url, testOptions({ seedChannels: [genericChannel('shop-web', [secret])] }));
    });

    afterAll(async () => {
      await app?.close();
      await schema?.drop();
    });

    const message = (text: string, name = 'Anna') => ({
      sessionId: 's-1',
      messageId: `m-${randomBytes(4).toString('hex')}`,
      customer: { id: 'c-1', name },
      text,
      timestamp: Math.floor(Date.now() / 1000),
    });

    async function send(body: string, signWith = secret) {
      const id = `msg_${randomBytes(6).toString('hex')}`;
      const timestamp = Math.floor(Date.now() / 1000);
      return request(app.getHttpServer())
        .post('/v1/channels/shop-web/messages')
        .set({
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(signWith, id, timestamp, body),
        })
        .send(body);
    }

    it.each([
      { name: 'a NUL in the text', body: JSON.stringify(message('waar is\u0000 mijn pakket')), field: 'text' },
      {
        name: 'a NUL in the customer name',
        body: JSON.stringify(message('hallo', 'A\u0000nna')),
        field: 'customer.name',
      },
      {
        name: 'an unpaired surrogate in the text',
        body: JSON.stringify(message('x')).replace('"text":"x"', '"text":"\\udc00"'),
        field: 'text',
      },
      {
        name: 'a timestamp no Date can hold',
        body: JSON.stringify({ ...message('hallo'), timestamp: 9_000_000_000_000_000 }),
        field: 'timestamp',
      },
    ])(
      'answers $name with a 400 naming $field once the signature is checked, and stores nothing',
      async ({ body, field }) => {
        const res = await send(body);
        expect(res.status).toBe(400);
        expect(res.body).toEqual({
          statusCode: 400,
          code: expect.any(String),
          message: expect.stringContaining(field),
          errors: [expect.objectContaining({ field })],
        });
        expect(await app.get(DataSource).query(`SELECT count(*)::int AS n FROM chat_messages`)).toEqual([{ n: 0 }]);
        // A forger learns nothing about the body: the signature is checked first.
        expect((await send(body, newWebhookSecret())).status).toBe(401);
      },
    );

    it('still takes a clean message', async () => {
      expect((await send(JSON.stringify(message('waar is mijn pakket')))).status).toBe(202);
    });
  });
});
