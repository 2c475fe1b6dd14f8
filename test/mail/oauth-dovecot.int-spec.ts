import { ImapFlow } from 'imapflow';
import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { uniqueAddress } from '../support/mail';
import { RunningService, startService } from '../support/services';
import { InboundCollector, testMessage } from './mail-test.util';
import { PrivateDovecot } from './private-dovecot';

/**
 * A stand-in for Google's or Microsoft's OAuth2 endpoints: a token endpoint issuing access tokens from refresh
 * tokens, and the RFC 7662 introspection endpoint Dovecot asks whether an access token may log in.
 */
class FakeOAuthProvider {
  readonly refreshes: string[] = [];
  readonly introspected: string[] = [];
  private readonly accessTokens = new Map<string, string>();
  private readonly refreshTokens = new Map<string, string>();
  private server: Server | null = null;
  url = '';

  grant(refreshToken: string, user: string) {
    this.refreshTokens.set(refreshToken, user);
  }

  revokeRefreshToken(refreshToken: string) {
    this.refreshTokens.delete(refreshToken);
  }

  /** Every access token issued so far stops working, the way a provider revokes them before they expire. */
  revokeAccessTokens() {
    this.accessTokens.clear();
  }

  async start() {
    this.server = createServer((req, res) => {
      void form(req).then((body) => {
        res.setHeader('content-type', 'application/json');
        if (req.url === '/token') {
          const user = this.refreshTokens.get(body.get('refresh_token') ?? '');
          this.refreshes.push(body.get('refresh_token') ?? '');
          if (body.get('grant_type') !== 'refresh_token' || body.get('client_secret') !== 'client-secret' || !user) {
            res.statusCode = 400;
            res.end(
              JSON.stringify({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }),
            );
            return;
          }
          const accessToken = `at-${randomBytes(8).toString('hex')}`;
          this.accessTokens.set(accessToken, user);
          res.end(JSON.stringify({ access_token: accessToken, token_type: 'Bearer', expires_in: 3600 }));
        } else if (req.url === '/introspect') {
          const token = body.get('token') ?? '';
          this.introspected.push(token);
          const user = this.accessTokens.get(token);
          res.end(JSON.stringify(user ? { active: true, username: user } : { active: false }));
        } else {
          res.statusCode = 404;
          res.end('{}');
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop() {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

async function form(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

describe('XOAUTH2 mailboxes against a local fake OAuth2 provider and a real Dovecot login', () => {
  const adminToken = `admin-${randomBytes(12).toString('hex')}`;
  const prefix = `oauthmbx-${randomBytes(4).toString('hex')}.`;
  const run = randomBytes(4).toString('hex');
  const address = uniqueAddress('oauthbox', 'shop.test');
  const provider = new FakeOAuthProvider();
  let dovecot: PrivateDovecot;
  let db: TestDatabase;
  let ingest: RunningService;
  let collector: InboundCollector;
  let mailboxId = '';

  beforeAll(async () => {
    await provider.start();
    dovecot = await PrivateDovecot.start(undefined, { oauth2: { introspectionUrl: `${provider.url}/introspect` } });
    db = await createTestDatabase('oauth_dovecot');
    ingest = await startService(
      'mail-ingest',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: prefix,
        IMAP_HOST: dovecot.host,
        IMAP_PORT: String(dovecot.port),
        IMAP_SECURE: 'false',
        IMAP_USER: uniqueAddress('envbox', 'shop.test'),
        IMAP_PASSWORD: dovecot.password,
        IMAP_RESYNC_SECONDS: '600',
        MAIL_ADMIN_TOKEN: adminToken,
        MAILBOX_SECRETS_KEY: randomBytes(32).toString('base64'),
        MAILBOX_RECONCILE_SECONDS: '1',
      },
      'oauth-dovecot-ingest',
    );
    await ingest.ready();
    collector = new InboundCollector(prefix);
    await collector.start();
  }, 90_000);

  afterAll(async () => {
    await ingest?.kill('SIGTERM');
    await collector?.stop();
    await db?.drop();
    await dovecot?.stop();
    await provider.stop();
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${ingest.url}/v1/mailboxes${path}`, {
      ...init,
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    });

  /** Delivery into the mailbox the way the shop's mail server would (a password login of its own). */
  async function deliver(n: number) {
    const message = testMessage(n, run);
    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: address, pass: dovecot.password },
      logger: false,
    });
    await client.connect();
    await client.append('INBOX', message.raw);
    await client.logout();
    return message;
  }

  it('logs in with the access token refreshed from the stored refresh token and imports an appended message', async () => {
    provider.grant('refresh-1', address);
    const res = await api('', {
      method: 'POST',
      body: JSON.stringify({
        name: address,
        host: dovecot.host,
        port: dovecot.port,
        tls: 'plain',
        auth: {
          kind: 'xoauth2',
          user: address,
          tokenUrl: `${provider.url}/token`,
          clientId: 'client-id',
          clientSecret: 'client-secret',
          refreshToken: 'refresh-1',
        },
      }),
    });
    expect(res.status).toBe(201);
    mailboxId = ((await res.json()) as { id: string }).id;

    const message = await deliver(1);
    await expectEventually(() => expect(collector.has(message.messageId)).toBe(true), { timeoutMs: 30_000 });
    expect(provider.refreshes).toEqual(['refresh-1']);
    // Dovecot let the watcher in on a token it checked with the provider, not on a password.
    expect(provider.introspected.length).toBeGreaterThanOrEqual(1);
    const [row] = await db.query(`SELECT mailbox, status FROM raw_mails WHERE message_id = $1`, [message.messageId]);
    expect(row).toEqual({ mailbox: address, status: 'accepted' });
  }, 60_000);

  it('refreshes once and logs in again when the provider starts rejecting its access token', async () => {
    provider.revokeAccessTokens();
    const before = provider.refreshes.length;
    // Cutting its session makes the watcher log in again, now with a token the provider disowns.
    await dovecot.doveadm('kick', address);
    const message = await deliver(2);
    await expectEventually(() => expect(collector.has(message.messageId)).toBe(true), { timeoutMs: 45_000 });
    expect(provider.refreshes.length - before).toBe(1);
    const got = (await (await api(`/${mailboxId}`)).json()) as { paused: boolean; status: string };
    expect(got).toMatchObject({ paused: false, status: 'idle' });
  }, 90_000);

  it('pauses the mailbox, with the error visible, once the refresh token is revoked', async () => {
    provider.revokeRefreshToken('refresh-1');
    provider.revokeAccessTokens();
    await dovecot.doveadm('kick', address);
    await expectEventually(
      async () => {
        const got = (await (await api(`/${mailboxId}`)).json()) as {
          paused: boolean;
          status: string;
          lastError: string;
        };
        expect(got).toMatchObject({ paused: true, status: 'paused' });
        expect(got.lastError).toContain('invalid_grant');
      },
      { timeoutMs: 45_000 },
    );
    const ready = JSON.stringify(await (await fetch(`${ingest.url}/health/ready`)).json());
    expect(ready).toContain(address);
    expect(ready).toContain('invalid_grant');
    // Paused means no refresh loop against the provider, and mail waits on the server for a new grant.
    const seen = provider.refreshes.length;
    const waiting = await deliver(3);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(provider.refreshes.length).toBe(seen);
    expect(collector.has(waiting.messageId)).toBe(false);
  }, 90_000);
});
