import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines, repoRoot } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { uniqueAddress } from '../support/mail';
import { freePort } from '../support/services';
import { seedItem } from '../review/review-fixtures';
import { FakeOidcProvider } from '../review/fake-oidc-provider';
import { FakeChatCompletionsServer } from '../triage/fake-chat-completions.server';

/**
 * `draftdesk start` from dist/ (embedded mode, on the real PostgreSQL so the test can look inside) with the settings
 * that the embedded mode once validated and then ignored: each must change what the suite does. The language model
 * is a local fake chat-completions server and the identity provider a local fake OIDC provider (OpenAI and a real
 * provider cannot be reached from these machines); Dovecot is real.
 */
describe('embedded mode honours AUTO_REPLY_CAP, DKIM_*, SENT_FOLDER, REVIEW_CLAIM_TTL_SECONDS, OIDC_* and TRIAGE_ENGINE (fake chat-completions and fake OIDC provider on loopback)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'draftdesk-settings-'));
  const mailbox = uniqueAddress('embedded-settings', 'shop.test');
  const model = new FakeChatCompletionsServer();
  const oidc = new FakeOidcProvider('draftdesk-embedded', 'oidc-client-secret');
  let db: TestDatabase;
  let child: ChildProcess;
  let output = '';
  let http: number;
  let smtp: number;

  const base = () => `http://127.0.0.1:${http}`;
  const auth = () => ({ authorization: `Bearer ${readFileSync(join(dataDir, 'review-api-token'), 'utf8').trim()}` });

  beforeAll(async () => {
    await model.start();
    model.reply = (_body, res) => model.answer(res, { language: 'en', intent: 'get_refund', confidence: 0.93 });
    await oidc.start();
    db = await createTestDatabase('embedded_settings');
    [http, smtp] = [await freePort(), await freePort()];
    const dkimKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    child = spawn(process.execPath, [join(repoRoot, 'bin', 'draftdesk.js'), 'start'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DRAFTDESK_DATA_DIR: dataDir,
        DATABASE_URL: db.url,
        PORT: String(http),
        SMTP_INBOUND_PORT: String(smtp),
        AUTO_REPLY_CAP: '1',
        DKIM_DOMAIN: 'shop.test',
        DKIM_SELECTOR: 'dd2026',
        DKIM_PRIVATE_KEY: dkimKey.replace(/\n/g, '\\n'),
        SENT_FOLDER: 'Sent',
        IMAP_HOST: engines.imapHost,
        IMAP_PORT: String(engines.imapPort),
        IMAP_SECURE: 'false',
        IMAP_TLS: 'plain',
        IMAP_USER: mailbox,
        IMAP_PASSWORD: engines.catchAllPassword,
        REVIEW_CLAIM_TTL_SECONDS: '45',
        OIDC_ISSUER: oidc.issuer,
        OIDC_CLIENT_ID: oidc.clientId,
        OIDC_CLIENT_SECRET: oidc.clientSecret,
        OIDC_REDIRECT_URI: `${`http://127.0.0.1:${http}`}/v1/auth/oidc/callback`,
        OIDC_ALLOW_INSECURE: 'true',
        TRIAGE_ENGINE: 'openai',
        OPENAI_API_KEY: 'sk-local-fake',
        OPENAI_BASE_URL: model.baseURL,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await expectEventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${output}`);
        expect((await fetch(`${base()}/health/ready`)).status).toBe(200);
      },
      { timeoutMs: 110_000, intervalMs: 250 },
    );
  }, 150_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
    await model.stop();
    await oidc.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** An automatic reply waiting to be sent, as the review service queues it after the policy approved it. */
  async function queueAutoReply(to: string): Promise<string> {
    const draftId = randomUUID();
    const payload = {
      draftId,
      channel: 'email',
      to: { address: to, name: 'Klant' },
      mailbox: null,
      subject: 'Re: Bestelling',
      body: 'Uw pakket komt morgen.',
      reply: { messageId: `${draftId}@replies.shop.test`, inReplyTo: null, references: [] },
      chat: null,
      approvedBy: 'policy',
      autoSent: true,
      quotedText: null,
    };
    await db.query(
      `INSERT INTO outbound_mails (draft_id, conversation_id, message_id, to_address, status, payload) VALUES ($1, $2, $3, $4, 'PENDING', $5)`,
      [draftId, randomUUID(), payload.reply.messageId, to, JSON.stringify(payload)],
    );
    return draftId;
  }

  const outcome = (draftId: string) =>
    expectEventually(
      async () => {
        const [row] = await db.query<{ status: string; last_error: string | null }>(
          `SELECT status, last_error FROM outbound_mails WHERE draft_id = $1`,
          [draftId],
        );
        expect(['SENT', 'FAILED']).toContain(row.status);
        return row;
      },
      { timeoutMs: 60_000 },
    );

  it('TRIAGE_ENGINE=openai: triage asks the configured model server, and its answer is what the draft is filed under', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'Sanne de Vries <sanne@example.test>',
      to: 'support@shop.test',
      subject: 'Waar blijft mijn bestelling?',
      text: 'Hallo, ik heb bestelling 100234 besteld maar nog niets ontvangen. Waar is hij?\n\nGroeten, Sanne',
    });
    transport.close();
    const draft = await expectEventually(
      async () => {
        const res = await fetch(`${base()}/v1/drafts?status=pending`, { headers: auth() });
        const { items } = (await res.json()) as { items: { intent: string; language: string }[] };
        expect(items).toHaveLength(1);
        return items[0];
      },
      { timeoutMs: 60_000 },
    );
    expect(model.requests.some((r) => r.path.endsWith('/chat/completions'))).toBe(true);
    // The embedded model would call this Dutch question track_order; the fake model's answer says get_refund.
    expect(draft.intent).toBe('get_refund');
  }, 90_000);

  it('AUTO_REPLY_CAP=1: the second automatic reply to one address is not sent (FAILED auto_reply_cap)', async () => {
    const to = uniqueAddress('capped');
    const first = await queueAutoReply(to);
    expect((await outcome(first)).status).toBe('SENT');
    const second = await queueAutoReply(to);
    expect(await outcome(second)).toMatchObject({ status: 'FAILED', last_error: 'auto_reply_cap' });
    expect(existsSync(join(dataDir, 'sent', `${second}.eml`))).toBe(false);
  }, 90_000);

  it('DKIM_*: the reply written to data/sent carries a DKIM signature for the configured domain and selector', async () => {
    const draftId = await queueAutoReply(uniqueAddress('signed'));
    expect((await outcome(draftId)).status).toBe('SENT');
    const sent = readFileSync(join(dataDir, 'sent', `${draftId}.eml`), 'utf8');
    expect(sent).toMatch(/^DKIM-Signature: .*\bd=shop\.test;/m);
    expect(sent).toMatch(/\bs=dd2026;/);
  }, 90_000);

  it("SENT_FOLDER: the reply is copied into Dovecot's Sent folder of the configured account", async () => {
    const draftId = await queueAutoReply(uniqueAddress('copied'));
    expect((await outcome(draftId)).status).toBe('SENT');
    const client = new ImapFlow({
      host: engines.imapHost,
      port: engines.imapPort,
      secure: false,
      auth: { user: mailbox, pass: engines.catchAllPassword },
      logger: false,
    });
    await client.connect();
    try {
      const found = await expectEventually(
        async () => {
          const lock = await client.getMailboxLock('Sent');
          try {
            const uids =
              (await client.search({ header: { 'message-id': `${draftId}@replies.shop.test` } }, { uid: true })) || [];
            expect(uids.length).toBe(1);
            return uids;
          } finally {
            lock.release();
          }
        },
        { timeoutMs: 30_000 },
      );
      expect(found).toHaveLength(1);
    } finally {
      await client.logout();
    }
  }, 90_000);

  it('REVIEW_CLAIM_TTL_SECONDS=45: a claim on a draft lasts 45 seconds, not the default 10 minutes', async () => {
    const { draftId } = await seedItem(db);
    const claimed = await fetch(`${base()}/v1/drafts/${draftId}/claim`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: '{}',
    });
    expect(claimed.status).toBe(200);
    const [{ seconds }] = await db.query<{ seconds: number }>(
      `SELECT EXTRACT(EPOCH FROM claim_expires_at - now())::float AS seconds FROM review_items WHERE draft_id = $1`,
      [draftId],
    );
    expect(seconds).toBeGreaterThan(20);
    expect(seconds).toBeLessThanOrEqual(45);
  });

  it("OIDC_*: the sign-in route is on and sends the browser to the configured provider's authorize endpoint", async () => {
    const start = await fetch(`${base()}/v1/auth/oidc/login`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(new URL(oidc.issuer).origin);
    expect(authorize.searchParams.get('client_id')).toBe(oidc.clientId);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${base()}/v1/auth/oidc/callback`);
  });
});
