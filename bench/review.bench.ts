/**
 * Review API under load: 100,000 conversations with pending drafts in PostgreSQL, 50 concurrent agents.
 * Measures p50/p99 of listing the queue, opening a conversation, and approving a draft (claim-free approve).
 * Run: node scripts/run-ts.js bench/review.bench.ts  (needs `npm run build` and the engines; BENCH_CONVERSATIONS, BENCH_AGENTS, BENCH_SECONDS override)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase } from '../test/support/database';
import { engines, repoRoot } from '../test/support/engines';
import { startService } from '../test/support/services';

const conversations = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const agents = Number(process.env.BENCH_AGENTS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const log = (line: string) => process.stderr.write(`${line}\n`);

function pct(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length
    ? Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2))
    : null;
}

async function main() {
  const db = await createTestDatabase('bench_review');
  const token = `bench-${randomBytes(24).toString('hex')}`;
  log(`seeding ${conversations} conversations…`);
  const t0 = Date.now();
  await db.query(
    `INSERT INTO customers (id, address, name) SELECT gen_random_uuid(), 'c' || i || '@example.test', 'Customer ' || i FROM generate_series(1, $1) i`,
    [conversations],
  );
  await db.query(`INSERT INTO conversations (id, customer_id, channel, mailbox, subject, normalized_subject, token)
                  SELECT gen_random_uuid(), id, 'email', 'support@shop.test', 'Order question', 'order question', md5(id::text) FROM customers`);
  await db.query(`INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, subject, text, new_text, triage, occurred_at)
                  SELECT gen_random_uuid(), c.id, 'inbound', 'email', c.id::text || '@example.test', 'x@example.test', 'Order question', 'Where is my order?', 'Where is my order?',
                         '{"intent":"track_order","language":"en","urgency":"normal","entities":[]}', now() FROM conversations c`);
  await db.query(`INSERT INTO review_items (draft_id, conversation_id, status, decision, payload, body, shop_id, channel, mailbox, intent, language, priority, due_at)
                  SELECT gen_random_uuid(), m.conversation_id, 'pending', 'review',
                         jsonb_build_object('draftId', gen_random_uuid(), 'messageId', m.id, 'channel', 'email', 'to', jsonb_build_object('address', 'x@example.test', 'name', ''),
                           'mailbox', 'support@shop.test', 'subject', 'Re: Order question', 'body', 'Your order is on its way.', 'language', 'en', 'intent', 'track_order',
                           'confidence', 0.8, 'decision', 'review', 'reasons', '[]'::jsonb, 'citations', '[]'::jsonb,
                           'reply', jsonb_build_object('messageId', m.id::text || '@replies.shop.test', 'inReplyTo', null, 'references', '[]'::jsonb), 'chat', null, 'customerText', 'Where is my order?'),
                         'Your order is on its way.', 'default', 'email', 'support@shop.test', 'track_order', 'en',
                         (ARRAY['low','normal','high','urgent'])[1 + (random() * 3)::int], now() + random() * interval '3 days'
                    FROM messages m`);
  await db.query(`UPDATE review_items SET payload = jsonb_set(payload, '{draftId}', to_jsonb(draft_id::text))`);
  await db.query(`ANALYZE`);
  log(`seeded in ${Date.now() - t0} ms`);

  const review = await startService(
    'review',
    {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: `bench-${randomBytes(4).toString('hex')}.`,
      REVIEW_API_TOKEN: token,
      DATABASE_POOL_SIZE: '20',
      LOG_LEVEL: 'warn',
    },
    'bench-review',
  );
  await review.ready();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const ids = (
    await db.query<{ draft_id: string }>(`SELECT draft_id FROM review_items ORDER BY random() LIMIT $1`, [agents * 400])
  ).map((r) => r.draft_id);
  const timings = { list: [] as number[], open: [] as number[], approve: [] as number[] };
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const timed = async (bucket: number[], fn: () => Promise<Response>) => {
    const start = performance.now();
    const res = await fn();
    await res.arrayBuffer();
    bucket.push(performance.now() - start);
    if (!res.ok) errors++;
  };
  log(`${agents} agents for ${seconds} s…`);
  await Promise.all(
    Array.from({ length: agents }, async (_, a) => {
      let n = 0;
      while (Date.now() < deadline) {
        const id = ids[a * 400 + (n++ % 400)];
        await timed(timings.list, () => fetch(`${review.url}/v1/drafts?limit=50`, { headers }));
        await timed(timings.open, () => fetch(`${review.url}/v1/drafts/${id}`, { headers }));
        await timed(timings.approve, () =>
          fetch(`${review.url}/v1/drafts/${id}/approve`, { method: 'POST', headers, body: '{}' }),
        );
      }
    }),
  );
  await review.kill('SIGTERM');
  await db.drop();
  const summary = (v: number[]) => ({ count: v.length, p50_ms: pct(v, 50), p99_ms: pct(v, 99) });
  const result = {
    conversations,
    agents,
    seconds,
    errors,
    list: summary(timings.list),
    open: summary(timings.open),
    approve: summary(timings.approve),
    at: new Date().toISOString(),
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(join(repoRoot, 'bench', 'results', 'review.json'), `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
