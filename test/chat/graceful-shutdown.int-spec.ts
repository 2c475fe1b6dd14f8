import { Topics } from '@draftdesk/contracts';
import { randomBytes } from 'node:crypto';
import { webhookHeaders } from '../../apps/chat-gateway/src/intake/standard-webhooks.util';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { RunningService, startService } from '../support/services';
import { newWebhookSecret } from './chat-test.util';

/**
 * chat-gateway in a rolling update: SIGTERM while chat lines wait out their quiet window. Every accepted webhook is
 * durable before its 2xx, the process exits cleanly, and the next instance turns every waiting line into a turn.
 */
describe('chat-gateway stops gracefully with chat lines still waiting for their turn', () => {
  const secret = newWebhookSecret();
  const prefix = `chatterm-${randomBytes(4).toString('hex')}.`;
  let db: TestDatabase;
  let gateway: RunningService | null = null;
  const env = () => ({
    DATABASE_URL: db.url,
    KAFKA_BROKERS: engines.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: prefix,
    CHAT_SECRETS_KEY: randomBytes(32).toString('base64'),
    CHAT_CHANNELS_JSON: JSON.stringify([
      {
        id: 'web',
        kind: 'generic',
        secrets: [secret],
        callbackUrl: 'http://127.0.0.1:9/unused',
        rateLimit: { perSecond: 1000, burst: 1000 },
      },
    ]),
    // A quiet window longer than the test's SIGTERM delay: the lines are still waiting when the process stops.
    CHAT_QUIET_WINDOW_MS: '5000',
  });

  beforeAll(async () => {
    db = await createTestDatabase('chatterm');
  });

  afterAll(async () => {
    await gateway?.kill();
    await db?.drop();
  });

  it('keeps every accepted line and emits each session’s turn once after the restart', async () => {
    const key = env().CHAT_SECRETS_KEY;
    gateway = await startService('chat-gateway', { ...env(), CHAT_SECRETS_KEY: key }, 'chatterm-1');
    await gateway.ready(90_000);
    const sessions = 20;
    const accepted = await Promise.all(
      Array.from({ length: sessions * 2 }, async (_, i) => {
        const body = JSON.stringify({
          sessionId: `s${i % sessions}`,
          messageId: `m${i}`,
          customer: { id: `c${i % sessions}`, name: 'Klant' },
          text: `Vraag ${i}`,
          timestamp: new Date().toISOString(),
        });
        const res = await fetch(`${gateway!.url}/v1/channels/web/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...webhookHeaders(secret, `wh-${i}`, body) },
          body,
        });
        return res.status;
      }),
    );
    expect(accepted.every((s) => s === 202 || s === 200)).toBe(true);

    const exited = new Promise<string>((resolve) =>
      gateway!.process.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)),
    );
    gateway.process.kill('SIGTERM');
    expect(['code 0', 'SIGTERM']).toContain(await exited);
    const [waiting] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM chat_messages WHERE turn_id IS NULL`,
    );
    expect(waiting.n).toBeGreaterThan(0);

    gateway = await startService('chat-gateway', { ...env(), CHAT_SECRETS_KEY: key }, 'chatterm-2');
    await gateway.ready(90_000);
    await expectEventually(
      async () => {
        const [row] = await db.query<{ lines: number; unturned: number }>(
          `SELECT count(*)::int AS lines, count(*) FILTER (WHERE turn_id IS NULL)::int AS unturned FROM chat_messages`,
        );
        expect(row).toEqual({ lines: sessions * 2, unturned: 0 });
      },
      { timeoutMs: 30_000 },
    );
    const turns = await db.query<{ n: number; distinct_sessions: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT value->'payload'->'chat'->>'sessionId')::int AS distinct_sessions FROM outbox WHERE topic = $1`,
      [Topics.inbound],
    );
    expect(turns).toEqual([{ n: sessions, distinct_sessions: sessions }]);
  }, 300_000);
});
