/**
 * Chat webhook intake throughput: acknowledged requests/s and p50/p99 latency of validly signed Standard Webhooks
 * deliveries (signature check, replay record and durable buffer write in Postgres) against a bare Nest endpoint
 * that does nothing, measured in the same run on loopback.
 *
 *   node scripts/run-ts.js bench/chat-webhooks.bench.ts [--duration 10] [--connections 10]
 *
 * Needs Postgres (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/draftdesk_test); it works in a schema of
 * its own and drops it afterwards. Load generator and servers share this process, as the 2-core machines require.
 */
import 'reflect-metadata';
import { Controller, HttpCode, INestApplication, Module, Post } from '@nestjs/common';
import { configureLogging } from '@draftdesk/observability';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { signWebhook } from '../apps/chat-gateway/src/intake/standard-webhooks.util';
import {
  bootChatApp,
  createTestSchema,
  genericChannel,
  newWebhookSecret,
  testOptions,
} from '../test/chat/chat-test.util';

// autocannon ships no types; this is the part of its API the benchmark uses.
interface AutocannonResult {
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  latency: { p50: number; p99: number; max: number };
}
const autocannon: (options: Record<string, unknown>) => Promise<AutocannonResult> = require('autocannon');

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION_S = arg('duration', 10);
const CONNECTIONS = arg('connections', 10);
const SESSIONS = 200;

@Controller('bare')
class BareController {
  @Post()
  @HttpCode(202)
  accept() {
    return { status: 'accepted' };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

/** Pre-signed deliveries, handed out once each, so signing does not load the generator during the run. */
function signedDeliveries(secret: string, count: number) {
  const timestamp = Math.floor(Date.now() / 1000);
  const run = randomBytes(4).toString('hex');
  return Array.from({ length: count }, (_, i) => {
    const body = JSON.stringify({
      sessionId: `bench-${i % SESSIONS}`,
      messageId: `${run}-${i}`,
      customer: { id: `cust-${i % SESSIONS}`, name: 'Bench Klant', email: null },
      text: 'Hallo, waar blijft mijn bestelling 10023? Ik had hem gisteren verwacht.',
      timestamp: new Date().toISOString(),
    });
    const id = `msg_${run}_${i}`;
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secret, id, timestamp, body),
      },
    };
  });
}

async function load(
  url: string,
  path: string,
  next: () => { body: string; headers: Record<string, string> },
  duration: number,
) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (req: Record<string, unknown>) => {
          const d = next();
          return { ...req, body: d.body, headers: d.headers };
        },
      },
    ],
  });
  const acknowledged = result['2xx'];
  return {
    acknowledgedPerSecond: Math.round(acknowledged / result.duration),
    acknowledged,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    durationS: result.duration,
  };
}

async function main() {
  configureLogging('chat-webhooks-bench', 'warn');
  const secret = newWebhookSecret();
  const schema = await createTestSchema('chat_bench');
  const chat = await bootChatApp(
    schema.url,
    testOptions({
      quietWindowMs: 3000,
      seedChannels: [genericChannel('bench', [secret], undefined, { perSecond: 1e5, burst: 1e5 })],
    }),
  );
  const bare = await NestFactory.create(BareModule, { logger: false });
  try {
    const chatUrl = await listen(chat);
    const bareUrl = await listen(bare);
    const deliveries = signedDeliveries(secret, 120_000);
    let cursor = 0;
    let wrapped = false;
    const nextSigned = () => {
      if (cursor >= deliveries.length) {
        cursor = 0;
        wrapped = true;
      }
      return deliveries[cursor++];
    };
    const bareBody = { body: deliveries[0].body, headers: { 'content-type': 'application/json' } };

    // Warm-up of both, then the measured runs.
    await load(bareUrl, '/bare', () => bareBody, 2);
    const warmup = await load(chatUrl, '/v1/channels/bench/messages', nextSigned, 2);
    const baseline = await load(bareUrl, '/bare', () => bareBody, DURATION_S);
    const signed = await load(chatUrl, '/v1/channels/bench/messages', nextSigned, DURATION_S);

    const stored = Number((await chat.get(DataSource).query(`SELECT count(*)::int AS n FROM chat_messages`))[0].n);
    const report = {
      generatedAt: new Date().toISOString(),
      node: process.version,
      setup: {
        durationS: DURATION_S,
        connections: CONNECTIONS,
        sessions: SESSIONS,
        loopback: true,
        sameProcess: true,
        postgres: 'local',
      },
      bare: baseline,
      signedWebhooks: signed,
      ratio: {
        throughput: Number((signed.acknowledgedPerSecond / baseline.acknowledgedPerSecond).toFixed(3)),
        p50Latency: Number((signed.latencyMs.p50 / Math.max(baseline.latencyMs.p50, 0.001)).toFixed(2)),
        p99Latency: Number((signed.latencyMs.p99 / Math.max(baseline.latencyMs.p99, 0.001)).toFixed(2)),
      },
      // Every 202 must have left a durable row (warm-up included): the check that acknowledgement means stored.
      durability: {
        acknowledged: warmup.acknowledged + signed.acknowledged,
        storedMessages: stored,
        everyAcknowledgedStored: stored >= warmup.acknowledged + signed.acknowledged,
        deliveriesWrapped: wrapped,
      },
    };
    console.log(JSON.stringify(report, null, 2));
    const out = join(__dirname, 'results', 'chat-webhooks.json');
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`written to ${out}`);
  } finally {
    await bare.close();
    await chat.close();
    await schema.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
