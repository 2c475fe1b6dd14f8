/**
 * Sign-in under a flood: 50 clients sign in back to back (right password, so every admitted attempt costs a full
 * argon2 check) while one signed-in integration client lists the queue. Prints p50/p99 of sign-in (all answers and
 * 200s alone), of the list call before and during the flood, and how many sign-ins were turned away with 503.
 * Run: npm run bench:signin  (needs `npm run build` and the engines; BENCH_FLOOD, BENCH_SECONDS override)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase } from '../test/support/database';
import { engines, repoRoot } from '../test/support/engines';
import { startService } from '../test/support/services';

const flood = Number(process.env.BENCH_FLOOD ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const log = (line: string) => process.stderr.write(`${line}\n`);

function pct(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length
    ? Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2))
    : null;
}
const summary = (v: number[]) => ({ count: v.length, p50_ms: pct(v, 50), p99_ms: pct(v, 99) });

async function timed(fn: () => Promise<Response>): Promise<{ ms: number; status: number }> {
  const start = performance.now();
  const res = await fn();
  await res.arrayBuffer();
  return { ms: performance.now() - start, status: res.status };
}

async function main() {
  const db = await createTestDatabase('bench_signin');
  const token = `bench-${randomBytes(24).toString('hex')}`;
  const password = 'bench password 1234';
  const review = await startService(
    'review',
    {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: `bench-${randomBytes(4).toString('hex')}.`,
      REVIEW_API_TOKEN: token,
      // All clients share one address here, whose request and attempt limits would turn the flood away before
      // argon2; raised so that this measures the bound on argon2 work (signin-limits.int-spec covers the limits).
      REVIEW_PUBLIC_RATE_PER_MINUTE: '100000',
      REVIEW_SIGNIN_MAX_FAILURES: '100',
      LOG_LEVEL: 'warn',
    },
    'bench-signin',
  );
  await review.ready();
  const auth = { authorization: `Bearer ${token}` };
  const created = await fetch(`${review.url}/v1/users`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'flood@shop.test', password, role: 'agent' }),
  });
  if (created.status !== 201) throw new Error(`creating the account: ${created.status}`);
  const list = () => timed(() => fetch(`${review.url}/v1/drafts?limit=50`, { headers: auth }));
  const signIn = () =>
    timed(() =>
      fetch(`${review.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'flood@shop.test', password }),
      }),
    );

  log('list calls without a flood for 3 s…');
  const quiet: number[] = [];
  for (const end = Date.now() + 3000; Date.now() < end;) quiet.push((await list()).ms);

  log(`${flood} clients signing in for ${seconds} s, one client listing…`);
  const signIns: { ms: number; status: number }[] = [];
  const during: number[] = [];
  let listErrors = 0;
  const deadline = Date.now() + seconds * 1000;
  const progress = setInterval(() => log(`  ${signIns.length} sign-ins, ${during.length} list calls`), 2000);
  await Promise.all([
    ...Array.from({ length: flood }, async () => {
      while (Date.now() < deadline) signIns.push(await signIn());
    }),
    (async () => {
      while (Date.now() < deadline) {
        const r = await list();
        during.push(r.ms);
        if (r.status !== 200) listErrors++;
      }
    })(),
  ]);
  clearInterval(progress);
  await review.kill('SIGTERM');
  await db.drop();

  const byStatus: Record<string, number> = {};
  for (const s of signIns) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
  const result = {
    flood,
    seconds,
    signIn: {
      all: summary(signIns.map((s) => s.ms)),
      ok: summary(signIns.filter((s) => s.status === 200).map((s) => s.ms)),
      byStatus,
    },
    list: { quiet: summary(quiet), duringFlood: summary(during), errors: listErrors },
    at: new Date().toISOString(),
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(join(repoRoot, 'bench', 'results', 'signin.json'), `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
