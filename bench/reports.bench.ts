/**
 * Reports over a year: BENCH_ITEMS review items (default 100,000) spread over 366 days in PostgreSQL, with their
 * customer messages, our replies and the agents' audit entries; 40 % of the people's approvals edited (about 80
 * words each), so the edit distance has work to do. Measures GET /v1/reports's computation (the read model's
 * queries and the edit distances) for the whole year and for one month, BENCH_ROUNDS times each.
 * Run: node scripts/run-ts.js bench/reports.bench.ts  (needs the engines; BENCH_ITEMS, BENCH_ROUNDS override)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ShopPoliciesRepository } from '../apps/review/src/policy/shop-policies.repository';
import { ReportsReadModel } from '../apps/review/src/reports/reports.read-model';
import { ReportsService } from '../apps/review/src/reports/reports.service';
import { createTestDatabase } from '../test/support/database';
import { repoRoot } from '../test/support/engines';

const items = Number(process.env.BENCH_ITEMS ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  const db = await createTestDatabase('bench_reports');
  log(`seeding ${items} items over 366 days…`);
  const t0 = Date.now();
  const text = `${'Beste klant, je pakket is onderweg en komt morgen aan. '.repeat(8)}Groet, het team`;
  await db.query(
    `INSERT INTO customers (id, address) SELECT gen_random_uuid(), 'c' || i || '@example.test' FROM generate_series(1, $1) i`,
    [items],
  );
  await db.query(`INSERT INTO conversations (id, customer_id, channel, token)
                  SELECT gen_random_uuid(), id, CASE WHEN random() < 0.3 THEN 'chat' ELSE 'email' END, md5(id::text) FROM customers`);
  await db.query(`
    INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, occurred_at, sequence)
    SELECT gen_random_uuid(), c.id, 'inbound', c.channel, c.id::text, 'x', timestamptz '2025-11-01 08:00Z' + random() * interval '366 days', 1
      FROM conversations c`);
  await db.query(
    `
    INSERT INTO review_items (draft_id, conversation_id, status, decision, payload, body, shop_id, channel, intent, language,
                              due_at, decided_at, decided_by, close_reason, created_at, response_kind)
    SELECT gen_random_uuid(), m.conversation_id, s.status, 'review',
           jsonb_build_object('messageId', m.id, 'body', $1::text),
           CASE WHEN s.status IN ('approved', 'auto_sent') THEN CASE WHEN s.edited THEN replace($1::text, 'morgen', 'overmorgen') ELSE $1::text END END,
           'default', m.channel, (ARRAY['track_order','delivery_period','get_refund','change_order','complaint','cancel_order'])[1 + floor(random() * 6)::int], 'nl',
           m.occurred_at + interval '2 hours',
           CASE WHEN s.status IN ('approved', 'rejected') THEN m.occurred_at + random() * interval '3 hours' END,
           CASE WHEN s.status IN ('approved', 'rejected') THEN 'agent' || floor(random() * 8)::int || '@shop.test' END,
           CASE WHEN s.status = 'rejected' THEN 'spam' END,
           m.occurred_at + interval '20 seconds', 'first'
      FROM messages m
      CROSS JOIN LATERAL (SELECT r, CASE WHEN r < 0.2 THEN 'auto_sent' WHEN r < 0.7 THEN 'approved' WHEN r < 0.85 THEN 'rejected' ELSE 'pending' END AS status,
                                 random() < 0.4 AS edited FROM (SELECT random() + (m.id IS NULL)::int AS r) x) s`,
    [text],
  );
  await db.query(`
    INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, status, occurred_at)
    SELECT gen_random_uuid(), i.conversation_id, 'outbound', i.channel, i.draft_id::text, 'draftdesk', 'sent', coalesce(i.decided_at, i.created_at) + interval '5 seconds'
      FROM review_items i WHERE i.status IN ('approved', 'auto_sent')`);
  await db.query(`
    INSERT INTO audit_log (actor, action, entity, entity_id, after, created_at, shop_id)
    SELECT decided_by, a.action, 'draft', draft_id::text, '{}', decided_at - a.before, 'default'
      FROM review_items i
      CROSS JOIN LATERAL (VALUES ('claim', interval '4 minutes'),
                                 (CASE i.status WHEN 'rejected' THEN 'reject' ELSE CASE WHEN i.body = i.payload->>'body' THEN 'approve' ELSE 'edit_and_approve' END END, interval '0')) a(action, before)
     WHERE i.decided_by IS NOT NULL`);
  await db.query(`ANALYZE`);
  const seeded = (Date.now() - t0) / 1000;
  log(`seeded in ${seeded.toFixed(1)} s`);

  const dataSource = new DataSource({ type: 'postgres', url: db.url, extra: { max: 6 } });
  await dataSource.initialize();
  const service = new ReportsService(new ReportsReadModel(dataSource), new ShopPoliciesRepository(dataSource), {});
  const time = async (from: string, to: string) => {
    const ms: number[] = [];
    let report: Awaited<ReturnType<ReportsService['report']>> | null = null;
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      report = await service.report('default', from, to);
      ms.push(Math.round(performance.now() - started));
    }
    return { ms, items: report!.totals.volume, edited: report!.totals.approved - report!.totals.approvedUnchanged };
  };
  if (process.env.BENCH_EXPLAIN) {
    const explaining = {
      query: async (sql: string, params: unknown[]) =>
        log(
          (await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params))
            .map((r: Record<string, string>) => r['QUERY PLAN'])
            .join('\n'),
        ),
    } as unknown as DataSource;
    const explained = new ReportsReadModel(explaining);
    await explained.volumeByDay('default', '2025-11-01', '2026-11-01');
    await explained.figuresPerIntent('default', '2025-11-01', '2026-11-01');
  }
  // Each part once over the year, to see where the time goes.
  const readModel = new ReportsReadModel(dataSource);
  const parts: Record<string, number> = {};
  for (const part of ['volumeByDay', 'figuresPerIntent', 'rejectReasons', 'figuresPerAgent'] as const) {
    const started = performance.now();
    await readModel[part]('default', '2025-11-01', '2026-11-01');
    parts[part] = Math.round(performance.now() - started);
  }
  const year = await time('2025-11-01', '2026-11-01');
  const month = await time('2026-05-01', '2026-05-31');
  const result = {
    items,
    seededSeconds: seeded,
    yearParts: parts,
    year,
    month,
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
  log(JSON.stringify(result, null, 2));
  mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true });
  writeFileSync(join(repoRoot, 'test-artifacts', 'bench-reports.json'), JSON.stringify(result, null, 2));
  await dataSource.destroy();
  await db.drop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
