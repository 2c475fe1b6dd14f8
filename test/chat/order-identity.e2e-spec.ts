import { ChildProcess, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from '../support/database';
import { repoRoot } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { freePort } from '../support/services';

const KEY = randomBytes(24);
const SECRET = `whsec_${KEY.toString('base64')}`;
// The sample shop's order 100234 belongs to customer@example.test and goes to 1015 CJ Amsterdam.
const TRACKING = '3SABCD1234567';
const ASKS_PROOF =
  /order number and the postcode|ordernummer en de postcode|Bestellnummer und die Postleitzahl|numéro de commande et du code postal/;

/**
 * Chat messages through chat-gateway, conversations, triage and the drafter (`draftdesk start` from dist/ on the real
 * PostgreSQL): an e-mail address a chat customer merely claims does not unlock that customer's orders; a channel the
 * shop marks as verifying its users does, and so does an order number with the order's delivery postcode.
 */
describe('chat identity is not proof: order facts in chat drafts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'draftdesk-chat-identity-'));
  let db: TestDatabase;
  let child: ChildProcess;
  let output = '';
  let port: number;

  beforeAll(async () => {
    db = await createTestDatabase('chat_identity');
    port = await freePort();
    const channels = [
      { id: 'widget-anon', kind: 'generic', secrets: [SECRET], callbackUrl: 'http://127.0.0.1:9/replies' },
      {
        id: 'widget-login',
        kind: 'generic',
        secrets: [SECRET],
        callbackUrl: 'http://127.0.0.1:9/replies',
        identityVerified: true,
      },
    ];
    child = spawn(process.execPath, [join(repoRoot, 'bin', 'draftdesk.js'), 'start'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DRAFTDESK_DATA_DIR: dataDir,
        DATABASE_URL: db.url,
        PORT: String(port),
        SMTP_INBOUND_PORT: String(await freePort()),
        CHAT_CHANNELS_JSON: JSON.stringify(channels),
        CHAT_QUIET_WINDOW_MS: '300',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await expectEventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${output}`);
        expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
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
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Posts one signed chat message (Standard Webhooks) and returns the body of the draft made for it. */
  async function draftFor(channelId: string, text: string, email: string | null): Promise<string> {
    const sessionId = `s-${randomBytes(6).toString('hex')}`;
    const body = JSON.stringify({
      sessionId,
      messageId: `m-${randomBytes(6).toString('hex')}`,
      customer: { id: `visitor-${randomBytes(4).toString('hex')}`, name: '', email },
      text,
      timestamp: new Date().toISOString(),
    });
    const id = `msg_${randomBytes(8).toString('hex')}`;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `v1,${createHmac('sha256', KEY).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
    const res = await fetch(`http://127.0.0.1:${port}/v1/channels/${channelId}/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': timestamp,
        'webhook-signature': signature,
      },
      body,
    });
    expect(res.status).toBe(202);
    const token = readFileSync(join(dataDir, 'review-api-token'), 'utf8').trim();
    return expectEventually(
      async () => {
        const [conversation] = await db.query<{ id: string }>(`SELECT id FROM conversations WHERE chat_session = $1`, [
          `${channelId}:${sessionId}`,
        ]);
        expect(conversation).toBeDefined();
        const list = await fetch(`http://127.0.0.1:${port}/v1/drafts?status=pending`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const { items } = (await list.json()) as { items: { conversationId: string; body: string }[] };
        const mine = items.filter((i) => i.conversationId === conversation.id);
        expect(mine).toHaveLength(1);
        return mine[0].body;
      },
      { timeoutMs: 60_000 },
    );
  }

  it("an unverified channel claiming another customer's e-mail gets no order facts and is asked for order number and postcode", async () => {
    const body = await draftFor(
      'widget-anon',
      'Hello, where is my order? It has not arrived yet.',
      'customer@example.test',
    );
    expect(body).not.toContain(TRACKING);
    expect(body).toMatch(ASKS_PROOF);
  }, 90_000);

  it('a channel that verifies its users gets the order facts for that e-mail', async () => {
    const body = await draftFor(
      'widget-login',
      'Hello, where is my order? It has not arrived yet.',
      'customer@example.test',
    );
    expect(body).toContain(TRACKING);
  }, 90_000);

  it("an order number with the order's postcode unlocks that order on an unverified channel; a wrong postcode does not", async () => {
    const right = await draftFor(
      'widget-anon',
      'Hello, where is my order 100234? It has not arrived yet. My postcode is 1015 CJ.',
      null,
    );
    expect(right).toContain(TRACKING);
    const wrong = await draftFor(
      'widget-anon',
      'Hello, where is my order 100234? It has not arrived yet. My postcode is 2511 AB.',
      null,
    );
    expect(wrong).not.toContain(TRACKING);
    expect(wrong).toMatch(ASKS_PROOF);
  }, 120_000);
});
