import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ChannelsService } from '../../apps/chat-gateway/src/channels/channels.service';
import { ChatGatewayOptions } from '../../apps/chat-gateway/src/chat-gateway.options';
import { signWebhook } from '../../apps/chat-gateway/src/intake/standard-webhooks.util';
import { ChatIntakeErrorCode } from '../../apps/chat-gateway/src/intake/chat-intake.exception';
import {
  bootChatApp,
  createTestSchema,
  expectEventually,
  genericChannel,
  newWebhookSecret,
  testOptions,
} from './chat-test.util';

const CURRENT = newWebhookSecret();
const PREVIOUS = newWebhookSecret();
const OTHER = newWebhookSecret();
const ADMIN_TOKEN = 'admin-token-for-tests-only';

let seq = 0;
function message(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    sessionId: `session-${seq}`,
    messageId: `msg-${seq}`,
    customer: { id: `cust-${seq}`, name: 'Anna de Vries', email: 'anna@example.nl' },
    text: 'Waar blijft mijn bestelling 10023?',
    timestamp: new Date().toISOString(),
    ...overrides,
  };
}

interface Delivery {
  id: string;
  timestamp: number;
  signedBody: string;
  sentBody: string;
  signature: string;
  omit?: 'webhook-id' | 'webhook-timestamp' | 'webhook-signature';
}

function delivery(opts: { secret?: string; body?: object; offsetSeconds?: number; id?: string } = {}): Delivery {
  const body = JSON.stringify(opts.body ?? message());
  const id = opts.id ?? `msg_${Math.random().toString(36).slice(2)}`;
  const timestamp = Math.floor(Date.now() / 1000) + (opts.offsetSeconds ?? 0);
  return {
    id,
    timestamp,
    signedBody: body,
    sentBody: body,
    signature: signWebhook(opts.secret ?? CURRENT, id, timestamp, body),
  };
}

function send(app: INestApplication, d: Delivery, channel = 'shop-web') {
  const headers: Record<string, string> = {
    'webhook-id': d.id,
    'webhook-timestamp': String(d.timestamp),
    'webhook-signature': d.signature,
  };
  if (d.omit) delete headers[d.omit];
  return request(app.getHttpServer())
    .post(`/v1/channels/${channel}/messages`)
    .set('content-type', 'application/json')
    .set(headers)
    .send(d.sentBody);
}

describe('chat-gateway webhook intake (Standard Webhooks, real Postgres)', () => {
  let app: INestApplication;
  let db: DataSource;
  let options: ChatGatewayOptions;
  let schema: Awaited<ReturnType<typeof createTestSchema>>;

  beforeAll(async () => {
    schema = await createTestSchema();
    options = testOptions({ adminToken: ADMIN_TOKEN, seedChannels: [genericChannel('shop-web', [CURRENT, PREVIOUS])] });
    app = await bootChatApp(schema.url, options);
    db = app.get(DataSource);
    await app
      .get(ChannelsService)
      .upsert(genericChannel('slow-lane', [CURRENT], undefined, { perSecond: 0.01, burst: 2 }));
  });

  afterAll(async () => {
    await app?.close();
    await schema?.drop();
  });

  const storedMessages = async () => Number((await db.query(`SELECT count(*)::int AS n FROM chat_messages`))[0].n);

  const cases: { name: string; make: () => Delivery; status: number; code?: string }[] = [
    { name: 'valid signature with the current secret', make: () => delivery(), status: 202 },
    {
      name: 'signature made with a secret the channel does not have',
      make: () => delivery({ secret: OTHER }),
      status: 401,
      code: 'SIGNATURE_INVALID',
    },
    {
      name: 'rotated secret: signed with the previous one, still valid',
      make: () => delivery({ secret: PREVIOUS }),
      status: 202,
    },
    {
      name: 'several signatures, only the last one valid',
      make: () => {
        const d = delivery();
        return { ...d, signature: `v1,${Buffer.alloc(32, 7).toString('base64')} v1a,ignored ${d.signature}` };
      },
      status: 202,
    },
    {
      name: 'stale timestamp (301 s old)',
      make: () => delivery({ offsetSeconds: -301 }),
      status: 401,
      code: 'TIMESTAMP_OUT_OF_TOLERANCE',
    },
    {
      name: 'future timestamp (301 s ahead)',
      make: () => delivery({ offsetSeconds: 301 }),
      status: 401,
      code: 'TIMESTAMP_OUT_OF_TOLERANCE',
    },
    { name: 'timestamp 4 minutes old is within tolerance', make: () => delivery({ offsetSeconds: -240 }), status: 202 },
    {
      name: 'tampered body',
      make: () => {
        const d = delivery();
        return { ...d, sentBody: d.signedBody.replace('10023', '99999') };
      },
      status: 401,
      code: 'SIGNATURE_INVALID',
    },
    {
      name: 're-serialised JSON body (same data, other bytes)',
      make: () => {
        const body = message();
        const pretty = JSON.stringify(body, null, 2);
        const id = `msg_${seq}`;
        const ts = Math.floor(Date.now() / 1000);
        return {
          id,
          timestamp: ts,
          signedBody: pretty,
          sentBody: JSON.stringify(body),
          signature: signWebhook(CURRENT, id, ts, pretty),
        };
      },
      status: 401,
      code: 'SIGNATURE_INVALID',
    },
    {
      name: 'missing webhook-id',
      make: () => ({ ...delivery(), omit: 'webhook-id' }),
      status: 401,
      code: 'SIGNATURE_MISSING',
    },
    {
      name: 'missing webhook-timestamp',
      make: () => ({ ...delivery(), omit: 'webhook-timestamp' }),
      status: 401,
      code: 'SIGNATURE_MISSING',
    },
    {
      name: 'missing webhook-signature',
      make: () => ({ ...delivery(), omit: 'webhook-signature' }),
      status: 401,
      code: 'SIGNATURE_MISSING',
    },
    {
      name: 'signature with the wrong version prefix',
      make: () => ({ ...delivery(), signature: delivery().signature.replace('v1,', 'v2,') }),
      status: 401,
      code: 'SIGNATURE_INVALID',
    },
  ];

  it.each(cases)('$name → $status', async ({ make, status, code }) => {
    const before = await storedMessages();
    const res = await send(app, make());
    expect(res.status).toBe(status);
    if (code) expect(res.body.code).toBe(code);
    // Only an accepted delivery leaves a trace.
    expect(await storedMessages()).toBe(before + (status === 202 ? 1 : 0));
  });

  it('replayed webhook id with the same body is a provider retry: 200 and no second message', async () => {
    const d = delivery();
    expect((await send(app, d)).status).toBe(202);
    const before = await storedMessages();
    const retry = await send(app, {
      ...d,
      timestamp: d.timestamp + 1,
      signature: signWebhook(CURRENT, d.id, d.timestamp + 1, d.signedBody),
    });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ status: 'duplicate', stored: 0 });
    expect(await storedMessages()).toBe(before);
  });

  it('replayed webhook id with a different body is refused with 409', async () => {
    const d = delivery();
    expect((await send(app, d)).status).toBe(202);
    const other = delivery({ id: d.id });
    const res = await send(app, other);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('WEBHOOK_ID_REUSED');
  });

  it('the same provider message under a new webhook id is stored once', async () => {
    const body = message();
    expect((await send(app, delivery({ body }))).status).toBe(202);
    const res = await send(app, delivery({ body }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'duplicate', stored: 0 });
  });

  it('refuses a body above 256 KB with 413 but lets a 200 KB body through to validation', async () => {
    const huge = delivery({ body: message({ text: 'x'.repeat(300 * 1024) }) });
    const refused = await send(app, huge);
    expect(refused.status).toBe(413);
    expect(refused.body).toEqual({
      statusCode: 413,
      code: ChatIntakeErrorCode.PayloadTooLarge,
      message: `body exceeds ${256 * 1024} bytes`,
      errors: [],
    });
    const big = await send(app, delivery({ body: message({ text: 'x'.repeat(200 * 1024) }) }));
    expect(big.status).toBe(400);
    expect(big.body.errors.map((e: { field: string }) => e.field)).toContain('text');
  });

  it('names every invalid field with 400', async () => {
    const res = await send(
      app,
      delivery({ body: { sessionId: 's', customer: { name: 'x' }, timestamp: 'yesterday', extra: 1 } }),
    );
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['messageId', 'customer.id', 'timestamp']));
    expect(res.body.message).toContain('messageId');
  });

  it('answers 400 to a signed body that is not JSON', async () => {
    const id = 'msg_notjson';
    const ts = Math.floor(Date.now() / 1000);
    const res = await send(app, {
      id,
      timestamp: ts,
      signedBody: '{oops',
      sentBody: '{oops',
      signature: signWebhook(CURRENT, id, ts, '{oops'),
    });
    expect(res.status).toBe(400);
  });

  it('limits each channel to its rate with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 4; i++) {
      const res = await send(app, delivery(), 'slow-lane');
      statuses.push(res.status);
      retryAfter ??= res.headers['retry-after'];
    }
    expect(statuses).toEqual([202, 202, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // The other channel is not affected.
    expect((await send(app, delivery())).status).toBe(202);
  });

  it('answers 404 for an unknown channel', async () => {
    const res = await send(app, delivery(), 'no-such-channel');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('CHANNEL_NOT_FOUND');
  });

  it('drafts a burst of short messages as one turn once the session goes quiet', async () => {
    const sessionId = 'burst-session';
    const texts = ['Hoi', 'mijn pakket is nog niet binnen', 'ordernummer 10023'];
    for (const [i, text] of texts.entries()) {
      const body = message({ sessionId, messageId: `burst-${i}`, text, customer: { id: 'c-burst', name: 'Piet' } });
      expect((await send(app, delivery({ body }))).status).toBe(202);
    }
    const other = message({ sessionId: 'other-session', messageId: 'other-0', text: 'Hello?' });
    expect((await send(app, delivery({ body: other }))).status).toBe(202);

    const events = await expectEventually(async () => {
      const rows = await db.query(
        `SELECT key, value FROM outbox WHERE topic = 'support.inbound.v1' AND key IN ('chat:shop-web:burst-session', 'chat:shop-web:other-session')`,
      );
      expect(rows).toHaveLength(2);
      return rows as { key: string; value: { payload: Record<string, any> } }[];
    });
    const burst = events.find((e) => e.key === 'chat:shop-web:burst-session')!.value.payload;
    expect(burst.text).toBe(texts.join('\n'));
    expect(burst.channel).toBe('chat');
    expect(burst.chat).toEqual({ channelId: 'shop-web', sessionId });
    expect(burst.externalMessageId).toBe('burst-0');
    expect(burst.references).toEqual(['burst-0', 'burst-1', 'burst-2']);
    expect(burst.from).toEqual({ address: 'chat:shop-web:c-burst', name: 'Piet' });
    // Nothing else is emitted for the session once its turn is out.
    await new Promise((r) => setTimeout(r, 500));
    const again = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE key = 'chat:shop-web:burst-session'`);
    expect(again[0].n).toBe(1);
  });

  it('serves the OpenAPI document and a docs page', async () => {
    const json = await request(app.getHttpServer()).get('/v1/chat/openapi.json');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths)).toEqual([
      '/v1/channels/{channelId}/messages',
      '/v1/channels/{channelId}/whatsapp',
    ]);
    const page = await request(app.getHttpServer()).get('/v1/chat/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('POST /v1/channels/{channelId}/messages');
  });
  it('still verifies raw bytes in a host app that only sets rawBody: true (no configureChatGatewayHttp)', async () => {
    const plain = await bootChatApp(schema.url, { ...options, seedChannels: [] }, false);
    try {
      expect((await send(plain, delivery())).status).toBe(202);
      const d = delivery();
      expect((await send(plain, { ...d, sentBody: JSON.stringify(JSON.parse(d.signedBody), null, 2) })).status).toBe(
        401,
      );
    } finally {
      await plain.close();
    }
  });

  it('manages channels through the admin API without ever returning secrets', async () => {
    const server = app.getHttpServer();
    const secret = newWebhookSecret();
    const put = await request(server)
      .put('/v1/chat/channels/admin-made')
      .set('authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ kind: 'generic', secrets: [secret], callbackUrl: 'https://shop.test/hook' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: 'admin-made', kind: 'generic', secretCount: 1 });
    const list = await request(server).get('/v1/chat/channels').set('authorization', `Bearer ${ADMIN_TOKEN}`);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain('admin-made');
    expect(JSON.stringify(list.body)).not.toContain(secret.slice(6));
    expect((await request(server).get('/v1/chat/channels').set('authorization', 'Bearer wrong')).status).toBe(401);
    const bad = await request(server)
      .put('/v1/chat/channels/x')
      .set('authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ kind: 'generic', secrets: ['short'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['secrets.0', 'callbackUrl']),
    );
    // The new channel takes webhooks signed with its secret straight away.
    const d = delivery({ secret });
    expect((await send(app, d, 'admin-made')).status).toBe(202);
  });
});
