import { ImapFlow } from 'imapflow';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { uniqueAddress } from '../support/mail';
import { RunningService, startService } from '../support/services';
import { InboundCollector, testMessage } from './mail-test.util';

/**
 * Mailboxes configured through /v1/mailboxes on a running mail-ingest (from dist/): a password mailbox on the real
 * Dovecot imports what is appended to it; an XOAUTH2 mailbox whose refresh token the LOCAL fake OAuth2 token server
 * refuses is paused with the error visible in the API and in /health/ready.
 */
describe('mailboxes from the database (mail-ingest API, real Dovecot, local fake OAuth2 token server)', () => {
  const adminToken = `admin-${randomBytes(12).toString('hex')}`;
  const auth = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const prefix = `dbmbx-${randomBytes(4).toString('hex')}.`;
  let db: TestDatabase;
  let ingest: RunningService;
  let collector: InboundCollector;
  let tokenServer: Server;
  let tokenUrl = '';
  let tokenRequests = 0;

  beforeAll(async () => {
    tokenServer = createServer((req, res) => {
      tokenRequests++;
      req.resume();
      res.statusCode = 400;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }));
    });
    await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
    tokenUrl = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/token`;
    db = await createTestDatabase('db_mailboxes');
    ingest = await startService(
      'mail-ingest',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: prefix,
        IMAP_HOST: engines.imapHost,
        IMAP_PORT: String(engines.imapPort),
        IMAP_SECURE: 'false',
        IMAP_USER: uniqueAddress('envbox', 'shop.test'),
        IMAP_PASSWORD: engines.catchAllPassword,
        IMAP_RESYNC_SECONDS: '600',
        MAIL_ADMIN_TOKEN: adminToken,
        MAILBOX_SECRETS_KEY: randomBytes(32).toString('base64'),
        MAILBOX_RECONCILE_SECONDS: '1',
      },
      'db-mailboxes-ingest',
    );
    await ingest.ready();
    // The service creates its topics at start: subscribe only then.
    collector = new InboundCollector(prefix);
    await collector.start();
  }, 60_000);

  afterAll(async () => {
    await ingest?.kill('SIGTERM');
    await collector?.stop();
    await db?.drop();
    await new Promise((resolve) => tokenServer?.close(resolve));
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${ingest.url}/v1/mailboxes${path}`, { ...init, headers: { ...auth, ...(init.headers ?? {}) } });

  it('refuses callers without the admin token and names every bad field', async () => {
    expect((await fetch(`${ingest.url}/v1/mailboxes`)).status).toBe(401);
    const res = await api('', {
      method: 'POST',
      body: JSON.stringify({ name: 'x', host: 'h', tls: 'ssl', auth: { kind: 'password', user: 'u' }, extra: 1 }),
    });
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['tls', 'auth.password', 'extra']));
  });

  it('imports mail appended to a password mailbox created through the API, and never returns its secret', async () => {
    const address = uniqueAddress('dbbox', 'shop.test');
    const res = await api('', {
      method: 'POST',
      body: JSON.stringify({
        name: address,
        host: engines.imapHost,
        port: engines.imapPort,
        tls: 'plain',
        auth: { kind: 'password', user: address, password: engines.catchAllPassword },
      }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; auth: Record<string, string> };
    expect(JSON.stringify(created)).not.toContain(
      engines.catchAllPassword === 'pass' ? '"pass"' : engines.catchAllPassword,
    );
    expect(created.auth.password).toBe('(set)');

    const message = testMessage(1, randomBytes(4).toString('hex'));
    const client = new ImapFlow({
      host: engines.imapHost,
      port: engines.imapPort,
      secure: false,
      auth: { user: address, pass: engines.catchAllPassword },
      logger: false,
    });
    await client.connect();
    await client.append('INBOX', message.raw);
    await client.logout();

    await expectEventually(() => expect(collector.has(message.messageId)).toBe(true), { timeoutMs: 20_000 });
    const [row] = await db.query(`SELECT mailbox, status FROM raw_mails WHERE message_id = $1`, [message.messageId]);
    expect(row).toEqual({ mailbox: address, status: 'accepted' });
    await expectEventually(async () => {
      const got = (await (await api(`/${created.id}`)).json()) as { status: string; imported: number };
      expect(got).toMatchObject({ status: 'idle', imported: 1 });
    });

    // Deleting it stops its watcher: the readiness detail no longer lists it.
    expect((await api(`/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    await expectEventually(async () => {
      const ready = (await (await fetch(`${ingest.url}/health/ready`)).json()) as unknown;
      expect(JSON.stringify(ready)).not.toContain(address);
    });
  }, 60_000);

  it('pauses an XOAUTH2 mailbox whose refresh token is revoked, with the error in the API and /health/ready', async () => {
    const res = await api('', {
      method: 'POST',
      body: JSON.stringify({
        name: 'gmail-revoked',
        host: engines.imapHost,
        port: engines.imapPort,
        tls: 'plain',
        auth: {
          kind: 'xoauth2',
          user: 'shop@gmail.test',
          tokenUrl,
          clientId: 'client',
          clientSecret: 'secret-value',
          refreshToken: 'revoked-refresh',
        },
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const paused = await expectEventually(async () => {
      const got = (await (await api(`/${id}`)).json()) as {
        paused: boolean;
        status: string;
        lastError: string;
        auth: Record<string, string>;
      };
      expect(got).toMatchObject({ paused: true, status: 'paused' });
      expect(got.lastError).toContain('invalid_grant');
      return got;
    });
    expect(paused.auth).toMatchObject({ clientSecret: '(set)', refreshToken: '(set)' });
    const ready = JSON.stringify(await (await fetch(`${ingest.url}/health/ready`)).json());
    expect(ready).toContain('gmail-revoked');
    expect(ready).toContain('invalid_grant');
    // Paused means paused: no refresh loop against the provider.
    const seen = tokenRequests;
    await new Promise((r) => setTimeout(r, 2_500));
    expect(tokenRequests).toBe(seen);
  }, 60_000);
});
