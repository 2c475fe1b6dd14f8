/**
 * The inbox of conversations under load (the review API's other half, beside review.bench.ts's queue): 100,000
 * conversations of varied status, channel, language and assignee in PostgreSQL, seeded with generate_series, and
 * 50 agents (users of the shop) with as many concurrent clients. Measures p50/p99 of listing (several views and
 * filters, and a second page by cursor), searching (words of messages, the start of an address), counting and
 * opening a conversation, three ways: agents at work (each agent's next click 0.5–1.5 s after the answer to the last,
 * i.e. 50 people clicking about once a second, far busier than a desk), saturated (every agent's next request as soon
 * as the last is answered: what the server does at its limit, where the latency is mostly the queue of 49 others),
 * and one request at a time.
 * Run: npm run bench:inbox  (needs `npm run build` and the engines; BENCH_CONVERSATIONS, BENCH_AGENTS, BENCH_SECONDS,
 * BENCH_THINK_MS override)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../test/support/database';
import { engines, repoRoot } from '../test/support/engines';
import { startService } from '../test/support/services';
import { seedInbox } from './inbox-seed';
import { cpuSeconds } from './support/processes';

const conversations = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const agents = Number(process.env.BENCH_AGENTS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const thinkMs = Number(process.env.BENCH_THINK_MS ?? 1000);
const log = (line: string) => process.stderr.write(`${line}\n`);

function pct(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length
    ? Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2))
    : null;
}

async function main() {
  const db = await createTestDatabase('bench_inbox');
  log(`seeding ${conversations} conversations and ${agents} agents…`);
  const t0 = Date.now();
  await seedInbox(db, conversations, agents);
  const seededMs = Date.now() - t0;
  log(`seeded in ${seededMs} ms`);

  const started: { kill(signal: NodeJS.Signals): Promise<unknown> }[] = [];
  try {
    await measure(db, seededMs, started);
  } finally {
    // A run that fails (an engine away) leaves neither its service nor its 100,000 conversations behind.
    await Promise.all(started.map((s) => s.kill('SIGTERM')));
    await db.drop();
  }
}

async function measure(
  db: Awaited<ReturnType<typeof createTestDatabase>>,
  seededMs: number,
  started: { kill(signal: NodeJS.Signals): Promise<unknown> }[],
) {
  const token = `bench-${randomBytes(24).toString('hex')}`;
  const review = await startService(
    'review',
    {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: `bench-${randomBytes(4).toString('hex')}.`,
      REVIEW_API_TOKEN: token,
      REVIEW_ADMIN_EMAIL: 'admin@shop.test',
      REVIEW_ADMIN_PASSWORD: 'bench admin password',
      DATABASE_POOL_SIZE: '20',
      LOG_LEVEL: 'warn',
    },
    'bench-inbox',
  );
  started.push(review);
  await review.ready();
  // The token's user is the fiftieth agent: give them their share of conversations for the view "mine".
  await db.query(
    `UPDATE conversation_states SET assignee_id = (SELECT id FROM users WHERE email = 'admin@shop.test')
      WHERE assignee_id IS NOT NULL AND abs(hashtext(conversation_id::text)) % $1 = 0`,
    [agents],
  );
  const headers = { authorization: `Bearer ${token}` };
  const ids = (
    await db.query<{ id: string }>(`SELECT id FROM conversations ORDER BY random() LIMIT $1`, [agents * 200])
  ).map((r) => r.id);
  const lists = [
    'view=all',
    'view=mine',
    'view=unassigned',
    'view=escalated',
    'status=open',
    'status=pending_draft&sla=breached',
    'status=waiting&channel=chat',
    'view=unassigned&priority=urgent&language=nl',
  ];
  const searches = [
    'q=parcel',
    'q=bestelling',
    'q=kapot+blender',
    'q=customer4711',
    'q=sanne+de',
    'q=retour&status=open',
  ];
  let errors = 0;
  /** The slowest requests of the run, to tell which view or search a p99 comes from. */
  const slowest: { ms: number; path: string }[] = [];
  const timed = async (bucket: number[], path: string) => {
    const start = performance.now();
    const res = await fetch(`${review.url}${path}`, { headers });
    const body = await res.text();
    const ms = performance.now() - start;
    bucket.push(ms);
    slowest.push({ ms: Math.round(ms), path });
    slowest.sort((x, y) => y.ms - x.ms).splice(10);
    if (!res.ok) {
      errors++;
      log(`${res.status} ${path}: ${body.slice(0, 200)}`);
    }
    return res.ok ? (JSON.parse(body) as { nextCursor?: string | null }) : null;
  };
  /** Every agent at once for `seconds`, each waiting about `think` ms between a response and their next request. */
  async function agentsFor(think: number, forSeconds = seconds) {
    const timings = {
      list: [] as number[],
      nextPage: [] as number[],
      search: [] as number[],
      counts: [] as number[],
      open: [] as number[],
    };
    const pause = () => (think > 0 ? new Promise((r) => setTimeout(r, think * (0.5 + Math.random()))) : undefined);
    const deadline = Date.now() + forSeconds * 1000;
    let done = 0;
    const progress = setInterval(() => log(`  ${done} requests…`), 5000);
    const step = async (bucket: number[], path: string) => {
      const answer = await timed(bucket, path);
      done++;
      await pause();
      return answer;
    };
    // Agents start spread over the first think time, as people do, not all in the same millisecond.
    await Promise.all(
      Array.from({ length: agents }, async (_, a) => {
        await new Promise((r) => setTimeout(r, Math.random() * think));
        let n = a;
        while (Date.now() < deadline) {
          n++;
          const first = await step(timings.list, `/v1/inbox?${lists[n % lists.length]}&limit=50`);
          if (first?.nextCursor)
            await step(timings.nextPage, `/v1/inbox?${lists[n % lists.length]}&limit=50&cursor=${first.nextCursor}`);
          await step(timings.search, `/v1/inbox?${searches[n % searches.length]}&limit=50`);
          await step(timings.open, `/v1/inbox/${ids[a * 200 + (n % 200)]}`);
          if (n % 4 === 0) await step(timings.counts, '/v1/inbox/counts');
        }
      }),
    );
    clearInterval(progress);
    return timings;
  }
  /**
   * CPU the server spent per request in a phase: the review process and the PostgreSQL backends of its pool (every
   * other session of this database), read from /proc. Unlike latency, it does not depend on what else the machine runs.
   */
  const serverCpu = async () => {
    const backends = await db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return {
      review: cpuSeconds(review.process.pid) ?? 0,
      postgres: new Map(backends.map((b) => [b.pid, cpuSeconds(b.pid) ?? 0])),
    };
  };
  async function cpuPerRequest<T extends Record<string, number[]>>(phase: () => Promise<T>) {
    const before = await serverCpu();
    const timings = await phase();
    const after = await serverCpu();
    const requests = Object.values(timings).reduce((n, v) => n + v.length, 0);
    let postgres = 0;
    for (const [pid, cpu] of after.postgres) postgres += cpu - (before.postgres.get(pid) ?? 0);
    const perRequest = (seconds: number) => Number(((seconds * 1000) / Math.max(1, requests)).toFixed(2));
    return {
      timings,
      cpuMsPerRequest: { review: perRequest(after.review - before.review), postgres: perRequest(postgres) },
    };
  }
  // Unmeasured: every agent's connection opened and the pages they read in memory, as on a desk already in use.
  log(`${agents} agents warming up for 5 s…`);
  await agentsFor(thinkMs, 5);
  slowest.length = 0;
  log(`${agents} agents at work (${thinkMs} ms between clicks on average) for ${seconds} s…`);
  const atWork = await cpuPerRequest(() => agentsFor(thinkMs));
  const slowestAtWork = slowest.splice(0);
  log(`${agents} agents without pause for ${seconds} s…`);
  const saturated = await cpuPerRequest(() => agentsFor(0));
  // The same requests one at a time: what each costs the server when no other agent's request is queued before it.
  const alone = { list: [] as number[], search: [] as number[], open: [] as number[] };
  const aloneUntil = Date.now() + 10_000;
  for (let n = 0; Date.now() < aloneUntil; n++) {
    await timed(alone.list, `/v1/inbox?${lists[n % lists.length]}&limit=50`);
    await timed(alone.search, `/v1/inbox?${searches[n % searches.length]}&limit=50`);
    await timed(alone.open, `/v1/inbox/${ids[n % ids.length]}`);
  }
  const summary = (v: number[]) => ({ count: v.length, p50_ms: pct(v, 50), p99_ms: pct(v, 99) });
  const summaries = ({ timings, cpuMsPerRequest }: Awaited<ReturnType<typeof cpuPerRequest>>) => ({
    ...Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, summary(v)])),
    cpuMsPerRequest,
  });
  const result = {
    conversations,
    agents,
    seconds,
    thinkMs,
    seededMs,
    errors,
    agentsAtWork: summaries(atWork),
    saturated: summaries(saturated),
    slowestAtWork,
    slowestSaturated: slowest,
    oneAgentAtATime: { list: summary(alone.list), search: summary(alone.search), open: summary(alone.open) },
    loadAverage: loadavg()[0],
    at: new Date().toISOString(),
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(join(repoRoot, 'bench', 'results', 'inbox.json'), `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
