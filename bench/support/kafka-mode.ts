import { Topics } from '@draftdesk/contracts';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { escapeLiteral } from 'pg';
import { createTestDatabase, TestDatabase } from '../../test/support/database';
import { engines } from '../../test/support/engines';
import { RunningService, ServiceName, startService } from '../../test/support/services';
import { measurePipeline, ModeResult, modeResult, PushOptions } from './pipeline-run';
import { peakRss, stopChild, track } from './processes';

export const KAFKA_MODE_SERVICES: readonly ServiceName[] = ['conversations', 'triage', 'drafter', 'review'];

export interface KafkaModeOptions extends PushOptions {
  run: string;
  topicPrefix: string;
  warmup: number;
  timeoutMs: number;
  /** Traces on: every service exports spans to this OTLP/HTTP endpoint, and each pushed message starts a trace. */
  otlpEndpoint?: string;
}

/** A sampled W3C traceparent, as mail-ingest or chat-gateway would put on an inbound event. */
function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/** Every service as its own process from dist/, on the shared Kafka and PostgreSQL, as in a deployment. */
export async function runKafkaMode(options: KafkaModeOptions): Promise<ModeResult> {
  const kafka = new Kafka({
    clientId: `bench-${options.run}`,
    brokers: engines.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const services: Partial<Record<ServiceName, RunningService>> = {};
  let db: TestDatabase | null = null;
  try {
    db = await createTestDatabase('bench_pipeline');
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: options.topicPrefix,
      LOG_LEVEL: 'warn',
      MESSAGE_ID_DOMAIN: 'replies.shop.test',
      ...(options.otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: options.otlpEndpoint } : {}),
    };
    for (const name of KAFKA_MODE_SERVICES) {
      services[name] = await startService(name, env, `bench-${name}`);
      track(services[name]!.process);
    }
    await Promise.all(KAFKA_MODE_SERVICES.map((name) => services[name]!.ready(90_000)));
    await producer.connect();
    const database = db;
    const measured = await measurePipeline('kafka+postgres', options.run, options, {
      push: async (events) => {
        await producer.send({
          topic: options.topicPrefix + Topics.inbound,
          acks: -1,
          messages: events.map((e) => ({
            key: e.key,
            value: JSON.stringify(e),
            ...(options.otlpEndpoint ? { headers: { traceparent: newTraceparent() } } : {}),
          })),
        });
      },
      countDrafts: async () => (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM drafts`))[0].n,
      query: (sql) => database.query(sql),
      quote: escapeLiteral,
    });
    const rss = peakRss(Object.fromEntries(KAFKA_MODE_SERVICES.map((name) => [name, services[name]!.process.pid])));
    return modeResult(options.otlpEndpoint ? 'kafka+tracing' : 'kafka', options, measured, rss, [
      ...(options.otlpEndpoint
        ? [`tracing on: spans of every service exported over OTLP/HTTP to a local sink (${options.otlpEndpoint})`]
        : []),
      `services ${KAFKA_MODE_SERVICES.join(', ')} as separate processes (LOG_LEVEL=warn); mail-send not started`,
      `inbound produced straight to ${options.topicPrefix}${Topics.inbound} in batches of ${options.batchSize}, key = customer address`,
    ]);
  } finally {
    await producer.disconnect().catch(() => undefined);
    await Promise.all(Object.values(services).map((s) => stopChild(s!.process)));
    await db?.drop().catch((e) => process.stderr.write(`could not drop the bench database: ${e}\n`));
  }
}

/** Removes every topic the run created under its prefix (the services' and the raw benchmark's). */
export async function deleteTopics(prefix: string): Promise<number> {
  const admin = new Kafka({
    clientId: 'bench-cleanup',
    brokers: engines.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length) await admin.deleteTopics({ topics, timeout: 30_000 });
    const left = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (left.length) process.stderr.write(`topics still listed after deletion: ${left.join(', ')}\n`);
    return topics.length;
  } finally {
    await admin.disconnect();
  }
}
