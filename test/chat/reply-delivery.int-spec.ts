import { createEvent, Topics } from '@draftdesk/contracts';
import { OutboxService } from '@draftdesk/messaging';
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ChannelsService } from '../../apps/chat-gateway/src/channels/channels.service';
import { verifyWebhook } from '../../apps/chat-gateway/src/intake/standard-webhooks.util';
import { signWhatsApp } from '../../apps/chat-gateway/src/intake/whatsapp-signature.util';
import { bootChatApp, createTestSchema, expectEventually, newWebhookSecret, testOptions } from './chat-test.util';
import { startFakeProvider, whatsAppNotification } from './fake-provider.util';

const SECRET = newWebhookSecret();
const APP_SECRET = 'wa-app-secret-0123456789';
const ACCESS_TOKEN = 'EAAG-test-access-token';
const PHONE_NUMBER_ID = '106540352242922';

type Fake = Awaited<ReturnType<typeof startFakeProvider>>;

describe('chat-gateway reply delivery (real Postgres, local provider fakes)', () => {
  let app: INestApplication;
  let db: DataSource;
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let generic: Fake;
  let whatsapp: Fake;
  // Per-recipient scripts: the fakes answer according to who the reply is for.
  const genericScript = new Map<string, number[]>();
  const whatsAppScript = new Map<string, number[]>();

  const next = (script: Map<string, number[]>, key: string, index: number) => {
    const statuses = script.get(key) ?? [200];
    return statuses[Math.min(index, statuses.length - 1)];
  };

  beforeAll(async () => {
    generic = await startFakeProvider((req) => {
      const { sessionId } = JSON.parse(req.body);
      const seen = generic.requests.filter((r) => JSON.parse(r.body).sessionId === sessionId).length;
      return { status: next(genericScript, sessionId, seen), body: { ok: true } };
    });
    whatsapp = await startFakeProvider((req) => {
      const { to } = JSON.parse(req.body);
      const seen = whatsapp.requests.filter((r) => JSON.parse(r.body).to === to).length;
      const status = next(whatsAppScript, to, seen);
      return status === 200
        ? {
            status,
            body: {
              messaging_product: 'whatsapp',
              contacts: [{ input: to, wa_id: to }],
              messages: [{ id: `wamid.${randomUUID()}` }],
            },
          }
        : { status, body: { error: { message: 'temporarily unavailable', code: 2 } } };
    });
    schema = await createTestSchema();
    app = await bootChatApp(
      schema.url,
      testOptions({ delivery: { maxAttempts: 3, retryBaseMs: 50, retryMaxMs: 500, timeoutMs: 2_000 } }),
    );
    db = app.get(DataSource);
    const channels = app.get(ChannelsService);
    await channels.upsert({
      id: 'web',
      kind: 'generic',
      secrets: [SECRET],
      callbackUrl: `${generic.url}/draftdesk/replies`,
    });
    await channels.upsert({
      id: 'wa',
      kind: 'whatsapp',
      secrets: [APP_SECRET],
      verifyToken: 'verify-me-please',
      accessToken: ACCESS_TOKEN,
      apiBaseUrl: `${whatsapp.url}/v21.0`,
      phoneNumberId: PHONE_NUMBER_ID,
    });
  });

  afterAll(async () => {
    await app?.close();
    await schema?.drop();
    await generic?.close();
    await whatsapp?.close();
  });

  /** What review (or the policy gate) publishes: written to the outbox and relayed over the in-process bus. */
  async function approve(
    channelId: string,
    sessionId: string,
    body: string,
    draftId = randomUUID(),
    conversationId = randomUUID(),
  ) {
    const event = createEvent(Topics.replyApproved, {
      producer: 'review',
      conversationId,
      payload: {
        draftId,
        channel: 'chat',
        to: { address: `chat:${channelId}:${sessionId}`, name: '' },
        mailbox: null,
        subject: '',
        body,
        reply: { messageId: `${draftId}@chat.draftdesk.invalid`, inReplyTo: null, references: [] },
        chat: { channelId, sessionId },
        approvedBy: 'policy',
        autoSent: true,
        quotedText: null,
      },
    });
    const outbox = app.get(OutboxService);
    await db.transaction((m) => outbox.add(m, event));
    outbox.committed();
    return { draftId, conversationId, event };
  }

  const sentEvents = async (draftId: string) =>
    (
      await db.query(
        `SELECT value FROM outbox WHERE topic = 'support.reply-sent.v1' AND value->'payload'->>'draftId' = $1`,
        [draftId],
      )
    ).map((r: { value: { payload: Record<string, unknown>; conversationId: string } }) => r.value);

  it('delivers a reply against a local fake of the generic callback that fails twice (500) and succeeds on the third try, without a duplicate', async () => {
    genericScript.set('session-g1', [500, 500, 200]);
    const { draftId, conversationId } = await approve('web', 'session-g1', 'Je pakket is onderweg en komt morgen aan.');

    const [sent] = await expectEventually(async () => {
      const events = await sentEvents(draftId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(sent.conversationId).toBe(conversationId);
    expect(sent.payload).toMatchObject({ draftId, channel: 'chat', status: 'sent', error: null });

    const calls = generic.requests.filter((r) => JSON.parse(r.body).sessionId === 'session-g1');
    expect(calls.map((c) => c.answeredWith)).toEqual([500, 500, 200]);
    for (const call of calls) {
      expect(call.url).toBe('/draftdesk/replies');
      // Every attempt carries the same idempotency key and a valid Standard Webhooks signature.
      expect(call.headers['webhook-id']).toBe(draftId);
      expect(call.headers['idempotency-key']).toBe(draftId);
      const verified = verifyWebhook(
        [SECRET],
        {
          id: call.headers['webhook-id'] as string,
          timestamp: call.headers['webhook-timestamp'] as string,
          signature: call.headers['webhook-signature'] as string,
        },
        Buffer.from(call.body),
      );
      expect(verified.ok).toBe(true);
      expect(JSON.parse(call.body)).toMatchObject({
        type: 'message.reply',
        draftId,
        text: 'Je pakket is onderweg en komt morgen aan.',
      });
    }
    const [row] = await db.query(`SELECT status, attempts FROM chat_deliveries WHERE draft_id = $1`, [draftId]);
    expect(row).toEqual({ status: 'SENT', attempts: 3 });

    // Nothing more goes out later.
    await new Promise((r) => setTimeout(r, 400));
    expect(generic.requests.filter((r) => JSON.parse(r.body).sessionId === 'session-g1')).toHaveLength(3);
  });

  it('delivers a reply against a local fake of the WhatsApp Cloud API that fails twice (500) and succeeds on the third try, without a duplicate', async () => {
    // The customer wrote first, so the gateway knows the session and its wa_id.
    const waId = '31612345678';
    const notification = whatsAppNotification({
      phoneNumberId: PHONE_NUMBER_ID,
      waId,
      name: 'Sanne',
      messageId: 'wamid.IN1',
      text: 'Kan ik mijn order annuleren?',
    });
    const post = () =>
      request(app.getHttpServer())
        .post('/v1/channels/wa/whatsapp')
        .set('content-type', 'application/json')
        .set('x-hub-signature-256', signWhatsApp(APP_SECRET, notification))
        .send(notification);
    expect((await post()).status).toBe(200);
    expect((await post()).body).toEqual({ status: 'duplicate', stored: 0 });
    const inbound = await expectEventually(async () => {
      const rows = await db.query(`SELECT value FROM outbox WHERE topic = 'support.inbound.v1' AND key = $1`, [
        `chat:wa:${waId}`,
      ]);
      expect(rows).toHaveLength(1);
      return rows[0].value.payload;
    });
    expect(inbound).toMatchObject({
      text: 'Kan ik mijn order annuleren?',
      from: { name: 'Sanne' },
      chat: { channelId: 'wa', sessionId: waId },
    });

    whatsAppScript.set(waId, [500, 500, 200]);
    const { draftId } = await approve('wa', waId, 'Ja, dat kan tot de order verzonden is.');
    const [sent] = await expectEventually(async () => {
      const events = await sentEvents(draftId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(sent.payload).toMatchObject({ status: 'sent' });
    const calls = whatsapp.requests.filter((r) => JSON.parse(r.body).to === waId);
    expect(calls.map((c) => c.answeredWith)).toEqual([500, 500, 200]);
    for (const call of calls) {
      expect(call.url).toBe(`/v21.0/${PHONE_NUMBER_ID}/messages`);
      expect(call.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
      expect(JSON.parse(call.body)).toMatchObject({
        messaging_product: 'whatsapp',
        to: waId,
        type: 'text',
        text: { body: 'Ja, dat kan tot de order verzonden is.' },
      });
    }
    const [row] = await db.query(
      `SELECT status, attempts, provider_message_id FROM chat_deliveries WHERE draft_id = $1`,
      [draftId],
    );
    expect(row.status).toBe('SENT');
    expect(row.provider_message_id).toMatch(/^wamid\./);
  });

  it('records FAILED and announces it after the last try', async () => {
    genericScript.set('session-down', [503]);
    const { draftId } = await approve('web', 'session-down', 'Dit komt nooit aan.');
    const [sent] = await expectEventually(async () => {
      const events = await sentEvents(draftId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(sent.payload).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^chat_delivery_failed: .*HTTP 503/),
    });
    const [row] = await db.query(`SELECT status, attempts, last_error FROM chat_deliveries WHERE draft_id = $1`, [
      draftId,
    ]);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3 });
  });

  it('does not retry a client error', async () => {
    genericScript.set('session-gone', [410]);
    const { draftId } = await approve('web', 'session-gone', 'Sessie bestaat niet meer.');
    await expectEventually(async () => expect(await sentEvents(draftId)).toHaveLength(1));
    const [row] = await db.query(`SELECT status, attempts FROM chat_deliveries WHERE draft_id = $1`, [draftId]);
    expect(row).toEqual({ status: 'FAILED', attempts: 1 });
  });

  it('delivers a reply once when the same approval arrives twice', async () => {
    genericScript.set('session-twice', [200]);
    const draftId = randomUUID();
    const conversationId = randomUUID();
    await approve('web', 'session-twice', 'Een keer is genoeg.', draftId, conversationId);
    await approve('web', 'session-twice', 'Een keer is genoeg.', draftId, conversationId);
    await expectEventually(async () => expect(await sentEvents(draftId)).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 300));
    expect(generic.requests.filter((r) => JSON.parse(r.body).sessionId === 'session-twice')).toHaveLength(1);
    expect(await sentEvents(draftId)).toHaveLength(1);
  });

  it('answers the WhatsApp subscription handshake only with the right verify token', async () => {
    const ok = await request(app.getHttpServer())
      .get('/v1/channels/wa/whatsapp')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me-please', 'hub.challenge': '1158201444' });
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('1158201444');
    const bad = await request(app.getHttpServer())
      .get('/v1/channels/wa/whatsapp')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' });
    expect(bad.status).toBe(403);
  });

  const statusOnly = '{"object":"whatsapp_business_account","entry":[]}';
  it.each([
    { name: 'missing', signature: undefined, status: 401 },
    { name: 'wrong (another app secret)', signature: signWhatsApp('another-app-secret', statusOnly), status: 401 },
    { name: 'valid', signature: signWhatsApp(APP_SECRET, statusOnly), status: 200 },
  ])('WhatsApp POST with a $name X-Hub-Signature-256 → $status', async ({ signature, status }) => {
    const req = request(app.getHttpServer()).post('/v1/channels/wa/whatsapp').set('content-type', 'application/json');
    if (signature) req.set('x-hub-signature-256', signature);
    expect((await req.send(statusOnly)).status).toBe(status);
  });

  it('never stores channel secrets in clear', async () => {
    const rows = await db.query(`SELECT row_to_json(c)::text AS row FROM chat_channels c`);
    const dump = rows.map((r: { row: string }) => r.row).join('\n');
    for (const secret of [SECRET, APP_SECRET, ACCESS_TOKEN, 'verify-me-please']) expect(dump).not.toContain(secret);
  });
});
