/**
 * Mail ingestion figures for issue 3, all in one run:
 *  1. parse throughput: sequential parseMail over every mime-* and bounces-* message (one core);
 *  2. ingestion throughput from a private Dovecot: N messages land in INBOX at once (one IMAP COPY) and
 *     mail-ingest (from dist/, real Postgres + Kafka) imports them — beside a raw imapflow fetch of the same N;
 *  3. IDLE latency: messages appended one at a time, time until each inbound event is read back from Kafka.
 *
 *   npm run build && node scripts/run-ts.js bench/mail-ingest.bench.ts [--messages 1000] [--latency 200] [--data <dir>]
 *
 * Needs root (Dovecot runs privately on a free port), PostgreSQL and Kafka from scripts/engines/up.sh.
 */
import { ImapFlow } from 'imapflow';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BOUNCE_CORPORA, MIME_CORPORA, parseCorpus, resolveDataDir } from '../scripts/eval/mail-corpora.lib';
import { createTestDatabase } from '../test/support/database';
import { engines } from '../test/support/engines';
import { startService } from '../test/support/services';
import { InboundCollector, sleep, testMessage } from '../test/mail/mail-test.util';
import { PrivateDovecot } from '../test/mail/private-dovecot';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const N = Number(arg('--messages', '1000'));
const LATENCY_SAMPLES = Number(arg('--latency', '200'));
const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

async function parseThroughput() {
  const dataDir = resolveDataDir(arg('--data', '') || undefined);
  if (!existsSync(dataDir)) return { skipped: `no corpora at ${dataDir}` };
  let messages = 0;
  let ms = 0;
  for (const corpus of [...MIME_CORPORA, ...BOUNCE_CORPORA]) {
    const outcomes = await parseCorpus(dataDir, corpus);
    messages += outcomes.length;
    ms += outcomes.reduce((sum, o) => sum + o.ms, 0);
  }
  log(`parse: ${messages} messages in ${round(ms)} ms`);
  return { messages, seconds: round(ms / 1000, 3), messagesPerSecond: round((messages / ms) * 1000) };
}

async function main() {
  const started = performance.now();
  log('1. parse throughput over the corpora');
  const parse = await parseThroughput();

  const dovecot = await PrivateDovecot.start();
  const db = await createTestDatabase('bench_mail');
  const run = randomBytes(4).toString('hex');
  const prefix = `bench-mail-${run}.`;
  const support = `bench-${run}@shop.test`;
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: support, pass: dovecot.password },
    logger: false,
  });
  const collector = new InboundCollector(prefix);
  let ingest: Awaited<ReturnType<typeof startService>> | null = null;
  try {
    await client.connect();
    await client.mailboxCreate('Staging').catch(() => undefined);
    log(`2. appending ${N} messages to a staging folder`);
    for (let n = 0; n < N; n++) await client.append('Staging', testMessage(n, run).raw);

    ingest = await (
      await startService(
        'mail-ingest',
        {
          DATABASE_URL: db.url,
          KAFKA_BROKERS: engines.kafkaBrokers,
          KAFKA_TOPIC_PREFIX: prefix,
          IMAP_HOST: dovecot.host,
          IMAP_PORT: String(dovecot.port),
          IMAP_SECURE: 'false',
          IMAP_USER: support,
          IMAP_PASSWORD: dovecot.password,
          IMAP_RESYNC_SECONDS: '600',
          LOG_LEVEL: 'warn',
        },
        'bench-mail-ingest',
      )
    ).ready();
    await collector.start();
    await sleep(1000);

    const lock = await client.getMailboxLock('Staging');
    const copyStarted = performance.now();
    try {
      await client.messageCopy('1:*', 'INBOX');
    } finally {
      lock.release();
    }
    let imported = 0;
    while (imported < N && performance.now() - copyStarted < 300_000) {
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM raw_mails WHERE status = 'accepted'`);
      imported = row.n;
      if (imported < N) await sleep(50);
    }
    const ingestMs = performance.now() - copyStarted;
    while (collector.distinctMessageIds().size < N && performance.now() - copyStarted < 300_000) await sleep(50);
    const toKafkaMs = performance.now() - copyStarted;
    const onKafka = collector.distinctMessageIds().size;
    log(`ingest: ${imported} committed in ${round(ingestMs)} ms, on Kafka after ${round(toKafkaMs)} ms`);

    // The same messages fetched by a bare imapflow client: the floor any importer stands on.
    const fetchStarted = performance.now();
    let fetched = 0;
    const inbox = await client.getMailboxLock('INBOX');
    try {
      for await (const message of client.fetch('1:*', { uid: true, source: true })) if (message.source) fetched++;
    } finally {
      inbox.release();
    }
    const fetchMs = performance.now() - fetchStarted;
    log(`raw fetch: ${fetched} in ${round(fetchMs)} ms`);

    log(`3. IDLE latency over ${LATENCY_SAMPLES} appends`);
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const message = testMessage(N + i, run);
      const t0 = Date.now();
      await client.append('INBOX', message.raw);
      const deadline = t0 + 30_000;
      let seen: number | undefined;
      while (seen === undefined && Date.now() < deadline) {
        seen = collector.events.find((e) => e.externalMessageId === message.messageId)?.receivedAt;
        if (seen === undefined) await sleep(2);
      }
      latencies.push((seen ?? deadline) - t0);
      if ((i + 1) % 50 === 0) log(`  ${i + 1}/${LATENCY_SAMPLES}`);
    }

    const result = {
      generatedAt: new Date().toISOString(),
      node: process.version,
      parse,
      ingestion: {
        messages: N,
        committedToPostgres: {
          messages: imported,
          seconds: round(ingestMs / 1000, 3),
          messagesPerSecond: round((imported / ingestMs) * 1000),
        },
        onKafka: {
          messages: onKafka,
          seconds: round(toKafkaMs / 1000, 3),
          messagesPerSecond: round((N / toKafkaMs) * 1000),
        },
        rawImapflowFetch: {
          messages: fetched,
          seconds: round(fetchMs / 1000, 3),
          messagesPerSecond: round((fetched / fetchMs) * 1000),
        },
        note: 'N messages copied into INBOX in one IMAP COPY while mail-ingest sat in IDLE; time from the COPY to every raw_mails row committed / every inbound event read back from Kafka. Raw fetch: one imapflow FETCH 1:* BODY[] of the same N, same run, same private Dovecot.',
      },
      idleLatencyMs: {
        samples: latencies.length,
        p50: percentile(latencies, 50),
        p90: percentile(latencies, 90),
        p99: percentile(latencies, 99),
        max: Math.max(...latencies),
        note: 'IMAP APPEND start -> inbound event consumed from Kafka by a test consumer (50 ms max wait), one message at a time, resync interval 600 s so only IDLE can deliver',
      },
      wallSeconds: round((performance.now() - started) / 1000),
    };
    const out = join(__dirname, 'results', 'mail-ingest.json');
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(
      `${JSON.stringify({ parse: result.parse, ingestion: result.ingestion, idleLatencyMs: result.idleLatencyMs }, null, 2)}\nwritten bench/results/mail-ingest.json\n`,
    );
  } finally {
    await ingest?.kill('SIGTERM');
    await collector.stop().catch(() => undefined);
    await client.logout().catch(() => undefined);
    await db.drop();
    await dovecot.stop();
  }
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
