import { randomBytes } from 'node:crypto';
import { webhookHeaders } from '../../apps/chat-gateway/src/intake/standard-webhooks.util';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { uniqueAddress } from '../support/mail';
import { freePort, RunningService, startService } from '../support/services';
import { SessionClient, tokenClient } from './review-fixtures';

interface TestResult {
  ok: boolean;
  reason?: string;
  message?: string;
  elapsedMs: number;
}

/**
 * Mailboxes and chat channels on the desk's settings page, as separate services: the review desk works through
 * mail-ingest's and chat-gateway's admin APIs (their tokens in its config). Connection tests reach the real Dovecot;
 * nothing secret ever comes back in a list; leads read, agents are refused, every change is in the audit log.
 */
describe('desk settings: mailboxes and chat channels (review → mail-ingest, chat-gateway; real PostgreSQL, Dovecot)', () => {
  const password = 'channels password 12';
  const apiToken = `it-${randomBytes(24).toString('hex')}`;
  const mailAdminToken = `mail-${randomBytes(16).toString('hex')}`;
  const chatAdminToken = `chat-${randomBytes(16).toString('hex')}`;
  const prefix = `sch-${randomBytes(4).toString('hex')}.`;
  let db: TestDatabase;
  let review: RunningService;
  let ingest: RunningService;
  let chat: RunningService;
  let admin: ReturnType<typeof tokenClient>;
  let lead: SessionClient;
  let agent: SessionClient;

  beforeAll(async () => {
    db = await createTestDatabase('settings_channels');
    const common = { DATABASE_URL: db.url, KAFKA_BROKERS: engines.kafkaBrokers, KAFKA_TOPIC_PREFIX: prefix };
    ingest = await startService(
      'mail-ingest',
      {
        ...common,
        // mail-ingest always watches the mailbox of its environment; the settings page shows the database ones.
        IMAP_HOST: engines.imapHost,
        IMAP_PORT: String(engines.imapPort),
        IMAP_SECURE: 'false',
        IMAP_USER: uniqueAddress('envbox', 'shop.test'),
        IMAP_PASSWORD: engines.catchAllPassword,
        MAIL_ADMIN_TOKEN: mailAdminToken,
        MAILBOX_SECRETS_KEY: randomBytes(32).toString('base64'),
        MAILBOX_RECONCILE_SECONDS: '1',
      },
      'settings-channels-ingest',
    );
    await ingest.ready();
    chat = await startService(
      'chat-gateway',
      { ...common, CHAT_SECRETS_KEY: randomBytes(32).toString('base64'), CHAT_ADMIN_TOKEN: chatAdminToken },
      'settings-channels-chat',
    );
    await chat.ready();
    review = await startService(
      'review',
      {
        ...common,
        REVIEW_ADMIN_EMAIL: 'admin@shop.test',
        REVIEW_ADMIN_PASSWORD: password,
        REVIEW_API_TOKEN: apiToken,
        MAIL_INGEST_URL: `http://127.0.0.1:${ingest.port}`,
        MAIL_ADMIN_TOKEN: mailAdminToken,
        CHAT_GATEWAY_URL: chat.url,
        CHAT_ADMIN_TOKEN: chatAdminToken,
      },
      'settings-channels-review',
    );
    await review.ready();
    admin = tokenClient(review.url, apiToken);
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
  }, 120_000);

  afterAll(async () => {
    await Promise.all([review?.kill('SIGTERM'), ingest?.kill('SIGTERM'), chat?.kill('SIGTERM')]);
    await db?.drop();
  });

  const dovecot = (user: string, overrides: Record<string, unknown> = {}) => ({
    host: engines.imapHost,
    port: engines.imapPort,
    tls: 'plain',
    auth: { kind: 'password', user, password: engines.catchAllPassword },
    ...overrides,
  });
  /** A customer's message to chat-gateway's webhook, signed with `secret`: the status it answers. */
  let sent = 0;
  const deliver = async (channel: string, secret: string) => {
    sent += 1;
    const body = JSON.stringify({
      sessionId: `session-${sent}`,
      messageId: `msg-${sent}`,
      customer: { id: `cust-${sent}`, name: 'Anna de Vries' },
      text: 'Waar blijft mijn bestelling?',
      timestamp: new Date().toISOString(),
    });
    const res = await fetch(`${chat.url}/v1/channels/${channel}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...webhookHeaders(secret, `wh_${sent}_${Date.now()}`, body) },
      body,
    });
    return res.status;
  };
  const test = async (body: unknown, path = '/v1/settings/mailboxes/test') => {
    const res = await admin(path, { method: 'POST', json: body });
    expect(res.status).toBe(200);
    return (await res.json()) as TestResult;
  };

  describe('connection test against the real Dovecot (nothing saved)', () => {
    it('signs in and opens the folder with good settings', async () => {
      const result = await test(dovecot(uniqueAddress('mbtest', 'shop.test')));
      expect(result).toMatchObject({ ok: true, folder: 'INBOX', messages: 0 });
      expect((await db.query(`SELECT count(*)::int AS n FROM mailboxes`))[0]).toEqual({ n: 0 });
    });

    it('says the password was refused', async () => {
      const user = uniqueAddress('mbwrong', 'shop.test');
      const result = await test(dovecot(user, { auth: { kind: 'password', user, password: 'not-the-password' } }));
      expect(result).toMatchObject({ ok: false, reason: 'auth_failed' });
      expect(result.message).toMatch(/refused the user name or password/);
      expect(result.message).not.toContain('not-the-password');
    });

    it('says a port where nothing listens cannot be reached, at once', async () => {
      const port = await freePort();
      const result = await test(dovecot(uniqueAddress('mbport', 'shop.test'), { port }));
      expect(result).toMatchObject({ ok: false, reason: 'unreachable' });
      expect(result.message).toContain(`127.0.0.1:${port} cannot be reached`);
      expect(result.elapsedMs).toBeLessThan(5_000);
    });

    it('says TLS failed when TLS is asked of a plain IMAP port, within 10 s', async () => {
      const result = await test(dovecot(uniqueAddress('mbtls', 'shop.test'), { tls: 'tls' }));
      expect(result).toMatchObject({ ok: false, reason: 'tls' });
      expect(result.message).toMatch(/secure connection to .* failed/);
      expect(result.elapsedMs).toBeLessThanOrEqual(11_000);
    }, 20_000);

    it('says a missing folder is missing', async () => {
      const result = await test(dovecot(uniqueAddress('mbfolder', 'shop.test'), { folder: 'Nope/Not-here' }));
      expect(result).toMatchObject({ ok: false, reason: 'folder_not_found' });
    });

    it('names the bad fields in a 400', async () => {
      const res = await admin('/v1/settings/mailboxes/test', {
        method: 'POST',
        json: { host: 'bad host!', tls: 'ssl', auth: { kind: 'password', user: 'x' } },
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code: string; errors: { field: string }[] };
      expect(body.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['host', 'tls', 'auth.password']));
    });
  });

  describe('mailboxes', () => {
    it('adds, edits, tests with the stored password, disables and removes one; the password never comes back', async () => {
      const user = uniqueAddress('mbdesk', 'shop.test');
      const secret = `pw-${randomBytes(8).toString('hex')}`;
      const bad = await admin('/v1/settings/mailboxes', {
        method: 'POST',
        json: { ...dovecot(user), name: 'bad name' },
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('name');

      const res = await admin('/v1/settings/mailboxes', {
        method: 'POST',
        json: dovecot(user, { name: user, auth: { kind: 'password', user, password: secret } }),
      });
      expect(res.status).toBe(201);
      const made = (await res.json()) as { id: string; auth: { password: string } };
      expect(made.auth.password).toBe('(set)');
      const taken = await admin('/v1/settings/mailboxes', { method: 'POST', json: dovecot(user, { name: user }) });
      expect(taken.status).toBe(409);

      // Dovecot's catch-all takes only "pass": the stored password is the one tested, and it is refused.
      expect(await test({}, `/v1/settings/mailboxes/${made.id}/test`)).toMatchObject({
        ok: false,
        reason: 'auth_failed',
      });
      const fixed = await admin(`/v1/settings/mailboxes/${made.id}`, {
        method: 'PATCH',
        json: { auth: { kind: 'password', user, password: engines.catchAllPassword }, folder: 'INBOX' },
      });
      expect(fixed.status).toBe(200);
      expect(await test({}, `/v1/settings/mailboxes/${made.id}/test`)).toMatchObject({ ok: true });

      for (const client of [(p: string) => admin(p), (p: string) => lead.fetch(p)]) {
        const list = await client('/v1/settings/mailboxes');
        expect(list.status).toBe(200);
        const text = await list.text();
        expect(text).not.toContain(secret);
        expect(text).not.toContain(`"${engines.catchAllPassword}"`);
        expect(JSON.parse(text)).toMatchObject({
          connected: true,
          items: [{ id: made.id, auth: { password: '(set)' } }],
        });
      }

      const paused = await admin(`/v1/settings/mailboxes/${made.id}`, { method: 'PATCH', json: { paused: true } });
      expect(((await paused.json()) as { paused: boolean }).paused).toBe(true);
      expect((await admin(`/v1/settings/mailboxes/${made.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await (await admin('/v1/settings/mailboxes')).json()) as { items: unknown[] }).toMatchObject({
        items: [],
      });

      const trail = await db.query<{ action: string; actor: string; after: unknown }>(
        `SELECT action, actor, after FROM audit_log WHERE entity = 'mailbox' AND entity_id = $1 ORDER BY id`,
        [made.id],
      );
      expect(trail.map((t) => t.action)).toEqual([
        'mailbox_create',
        'mailbox_update',
        'mailbox_update',
        'mailbox_remove',
      ]);
      expect(trail[1].after).toMatchObject({ credentialsChanged: true });
      expect(JSON.stringify(trail)).not.toContain(secret);
    });
  });

  describe('chat channels', () => {
    it('shows a new channel’s signing secret once, rotates it (the old one accepted until the next rotation), and never lists it', async () => {
      const bad = await admin('/v1/settings/chat-channels', {
        method: 'POST',
        json: { id: 'web shop', callbackUrl: 'not a url' },
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(
        expect.arrayContaining(['id', 'callbackUrl']),
      );

      const res = await admin('/v1/settings/chat-channels', {
        method: 'POST',
        json: { id: 'webshop', callbackUrl: 'http://127.0.0.1:9/replies' },
      });
      expect(res.status).toBe(201);
      const made = (await res.json()) as { channel: { id: string; secretCount: number }; secret: string };
      expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      expect(made.channel).toMatchObject({ id: 'webshop', kind: 'generic', secretCount: 1 });
      expect(
        (
          await admin('/v1/settings/chat-channels', {
            method: 'POST',
            json: { id: 'webshop', callbackUrl: 'http://127.0.0.1:9/x' },
          })
        ).status,
      ).toBe(409);

      const rotated = await admin('/v1/settings/chat-channels/webshop/secret', { method: 'POST', json: {} });
      expect(rotated.status).toBe(200);
      const next = (await rotated.json()) as { channel: { secretCount: number }; secret: string };
      expect(next.secret).not.toBe(made.secret);
      expect(next.channel.secretCount).toBe(2);
      // The provider may still sign with the old secret while it switches; both are accepted.
      expect(await deliver('webshop', made.secret)).toBe(202);
      expect(await deliver('webshop', next.secret)).toBe(202);
      const dropped = (await (
        await admin('/v1/settings/chat-channels/webshop/secret', { method: 'POST', json: { keepPrevious: false } })
      ).json()) as { channel: { secretCount: number }; secret: string };
      expect(dropped.channel.secretCount).toBe(1);
      expect(await deliver('webshop', next.secret)).toBe(401);
      expect(await deliver('webshop', dropped.secret)).toBe(202);
      expect((await admin('/v1/settings/chat-channels/nope/secret', { method: 'POST', json: {} })).status).toBe(404);
      expect((await admin('/v1/settings/chat-channels/bad%20id/secret', { method: 'POST', json: {} })).status).toBe(
        400,
      );

      for (const client of [(p: string) => admin(p), (p: string) => lead.fetch(p)]) {
        const list = await client('/v1/settings/chat-channels');
        expect(list.status).toBe(200);
        const text = await list.text();
        for (const s of [made.secret, next.secret, dropped.secret]) expect(text).not.toContain(s.slice(6));
        expect(text).not.toContain('whsec_');
        expect(JSON.parse(text)).toMatchObject({ connected: true, items: [{ id: 'webshop', secretCount: 1 }] });
      }
      const trail = await db.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE entity = 'chat_channel' AND entity_id = 'webshop' ORDER BY id`,
      );
      expect(trail.map((t) => t.action)).toEqual([
        'chat_channel_create',
        'chat_channel_rotate_secret',
        'chat_channel_rotate_secret',
      ]);
      const all = JSON.stringify(await db.query(`SELECT * FROM audit_log`));
      expect(all).not.toContain(made.secret.slice(6));
    });
  });

  describe('roles', () => {
    it('lets leads read, refuses their changes and tests, and refuses agents and strangers everything', async () => {
      const someId = '00000000-0000-4000-8000-000000000000';
      expect((await lead.fetch('/v1/settings/mailboxes')).status).toBe(200);
      expect((await lead.fetch('/v1/settings/chat-channels')).status).toBe(200);
      const leadWrites = [
        lead.fetch('/v1/settings/mailboxes', { method: 'POST', json: dovecot('x@shop.test', { name: 'x' }) }),
        lead.fetch('/v1/settings/mailboxes/test', { method: 'POST', json: dovecot('x@shop.test') }),
        lead.fetch(`/v1/settings/mailboxes/${someId}`, { method: 'PATCH', json: { paused: true } }),
        lead.fetch(`/v1/settings/mailboxes/${someId}`, { method: 'DELETE' }),
        lead.fetch('/v1/settings/chat-channels', { method: 'POST', json: { id: 'x', callbackUrl: 'http://x.test' } }),
        lead.fetch('/v1/settings/chat-channels/webshop/secret', { method: 'POST', json: {} }),
      ];
      for (const res of await Promise.all(leadWrites)) expect(res.status).toBe(403);
      for (const path of ['/v1/settings/mailboxes', '/v1/settings/chat-channels']) {
        expect((await agent.fetch(path)).status).toBe(403);
        expect((await fetch(`${review.url}${path}`)).status).toBe(401);
      }
      expect(
        (await agent.fetch('/v1/settings/mailboxes/test', { method: 'POST', json: dovecot('x@shop.test') })).status,
      ).toBe(403);
    });
  });
});
