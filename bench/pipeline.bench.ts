/**
 * The pipeline benchmark (`npm run bench`): N inbound messages through conversations → triage → drafter, in the
 * embedded mode (one process, PGlite, in-process transport) and in Kafka + PostgreSQL mode (one process per
 * service, from dist/). Prints throughput, inbound→draft-stored latency (p50/p95/p99) and peak RSS, and in the same
 * run the raw engines alone — kafkajs produce→consume and PostgreSQL inserts of the same messages — so the
 * pipeline's share of the engines' limit is a ratio.
 *
 *   node scripts/run-ts.js bench/pipeline.bench.ts [--n 10000] [--modes embedded,kafka] [--timeout-s S]
 *       [--rate 0] [--warmup 20] [--batch 500] [--out bench/results/pipeline.json] [--no-build] [--tracing]
 *
 * --tracing runs the Kafka mode a second time with OpenTelemetry on (spans exported to a local OTLP sink), so the
 * cost of tracing is measured side by side in one run.
 * --rate paces the push (messages/s); 0, the default, pushes all N as one burst, so latency includes queueing.
 * Needs the engines of scripts/engines/up.sh (settings from .engines/env or the environment). Progress goes to
 * stderr, figures to stdout and bench/results/pipeline.json. Child processes, the databases and the run's Kafka
 * topics are removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTestDatabase } from '../test/support/database';
import { repoRoot } from '../test/support/engines';
import { runEmbeddedMode } from './support/embedded-mode';
import { deleteTopics, KAFKA_MODE_SERVICES, runKafkaMode } from './support/kafka-mode';
import { ModeResult } from './support/pipeline-run';
import { installInterruptCleanup } from './support/processes';
import { measureRawKafka, RawKafkaResult } from './support/raw-kafka';
import { measureRawInserts, RawInsertResult } from './support/raw-postgres';
import { buildReport, formatReport } from './support/report';

type Mode = 'embedded' | 'kafka';

function parseArgs(argv: string[]) {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got ${raw}`);
    return n;
  };
  const n = Math.floor(number('n', 10_000));
  if (n < 1) throw new Error('--n must be at least 1');
  const modes = (value('modes') ?? 'embedded,kafka').split(',').map((m) => m.trim()) as Mode[];
  for (const m of modes)
    if (m !== 'embedded' && m !== 'kafka') throw new Error(`--modes: unknown mode "${m}" (embedded, kafka)`);
  return {
    n,
    modes,
    // Generous for 2 shared cores: a draft every 50 ms would still finish.
    timeoutMs: number('timeout-s', 120 + n * 0.05) * 1000,
    rate: number('rate', 0),
    warmup: Math.floor(number('warmup', 20)),
    batchSize: Math.max(1, Math.floor(number('batch', 500))),
    build: !argv.includes('--no-build'),
    tracing: argv.includes('--tracing'),
    out: value('out') ?? join(__dirname, 'results', 'pipeline.json'),
  };
}

/** Accepts OTLP/HTTP exports and keeps only their count and size: a collector that costs the pipeline nothing. */
function startOtlpSink(): Promise<{ url: string; requests: () => number; bytes: () => number; close: () => void }> {
  let requests = 0;
  let bytes = 0;
  const server = createServer((req, res) => {
    requests++;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => res.writeHead(200).end());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requests: () => requests,
        bytes: () => bytes,
        close: () => server.close(),
      }),
    ),
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const run = randomBytes(4).toString('hex');
  const topicPrefix = `bench-${run}.`;
  installInterruptCleanup();
  if (args.build) {
    process.stderr.write('building dist/ (npm run build)\n');
    const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.js')], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (build.status !== 0) throw new Error(`npm run build failed with ${build.status}`);
  }

  const modes: ModeResult[] = [];
  const raw: { kafkajs: RawKafkaResult | null; postgres: RawInsertResult | null; pglite: RawInsertResult | null } = {
    kafkajs: null,
    postgres: null,
    pglite: null,
  };
  const push = {
    n: args.n,
    batchSize: args.batchSize,
    rate: args.rate,
    warmup: args.warmup,
    timeoutMs: args.timeoutMs,
  };
  const failures: { mode: string; error: string }[] = [];
  let topicsUsed = false;
  try {
    // A mode that fails (a service that does not start, say) is reported, and the others still run.
    if (args.modes.includes('embedded')) {
      try {
        const { result, rawPglite } = await runEmbeddedMode({ ...push, run, rawInserts: true });
        modes.push(result);
        raw.pglite = rawPglite;
      } catch (error) {
        failures.push({ mode: 'embedded', error: String((error as Error).stack ?? error) });
        process.stderr.write(`embedded mode failed: ${(error as Error).message}\n`);
      }
    }
    if (args.modes.includes('kafka')) {
      topicsUsed = true;
      try {
        modes.push(await runKafkaMode({ ...push, run, topicPrefix }));
      } catch (error) {
        failures.push({ mode: 'kafka', error: String((error as Error).stack ?? error) });
        process.stderr.write(`kafka mode failed: ${(error as Error).message}\n`);
      }
      if (args.tracing) {
        const sink = await startOtlpSink();
        try {
          modes.push(await runKafkaMode({ ...push, run, topicPrefix: `${topicPrefix}t.`, otlpEndpoint: sink.url }));
          process.stderr.write(
            `tracing: the OTLP sink received ${sink.requests()} export requests, ${(sink.bytes() / 1e6).toFixed(1)} MB\n`,
          );
        } catch (error) {
          failures.push({ mode: 'kafka+tracing', error: String((error as Error).stack ?? error) });
          process.stderr.write(`kafka mode with tracing failed: ${(error as Error).message}\n`);
        } finally {
          sink.close();
        }
      }
    }
    // The raw engines, measured after the pipelines so neither competes with the other for the 2 cores.
    topicsUsed = true;
    try {
      raw.kafkajs = await measureRawKafka(run, topicPrefix, args.n);
    } catch (error) {
      failures.push({ mode: 'raw-kafkajs', error: String((error as Error).stack ?? error) });
    }
    try {
      const db = await createTestDatabase('bench_raw');
      try {
        raw.postgres = await measureRawInserts('PostgreSQL', run, args.n, (sql) => db.query(sql));
      } finally {
        await db.drop();
      }
    } catch (error) {
      failures.push({ mode: 'raw-postgres', error: String((error as Error).stack ?? error) });
    }
  } finally {
    if (topicsUsed) {
      await deleteTopics(topicPrefix).catch((e) =>
        process.stderr.write(`could not delete topics ${topicPrefix}*: ${e}\n`),
      );
    }
  }

  const report = buildReport(
    {
      n: args.n,
      modes: args.modes,
      pushRatePerS: args.rate || 'burst',
      pushBatchSize: args.batchSize,
      warmupMessages: args.warmup,
      kafkaModeServices: KAFKA_MODE_SERVICES,
      latency:
        'drafts.created_at (start of the drafter transaction) minus the push time of the message, same host clock',
      throughput: 'drafted messages / (last draft created_at - first push)',
      peakRss: 'VmHWM of each pipeline process at the end of its run',
    },
    modes,
    raw,
    failures,
  );
  console.log(formatReport(report));
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwritten to ${args.out}`);
  if (failures.length > 0 || modes.some((m) => !m.completed)) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
