import { DEFAULT_PARTITIONS } from '@draftdesk/contracts';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { engines } from '../../test/support/engines';
import { perSecond } from './stats';
import { batches, inboundEvent } from './workload';

export interface RawKafkaResult {
  topic: string;
  partitions: number;
  messages: number;
  consumed: number;
  seconds: number;
  /** Produced and consumed end to end, per second. */
  messagesPerS: number;
  produceSeconds: number;
  completed: boolean;
}

/**
 * kafkajs alone: the same N serialised inbound envelopes produced to a fresh topic and consumed by one consumer
 * group, timed from the first send to the last message received.
 */
export async function measureRawKafka(
  run: string,
  topicPrefix: string,
  n: number,
  options = { batchSize: 500, timeoutMs: 300_000 },
): Promise<RawKafkaResult> {
  const kafka = new Kafka({
    clientId: `bench-raw-${run}`,
    brokers: engines.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const topic = `${topicPrefix}bench.raw-kafka`;
  const admin = kafka.admin();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId: `bench-raw-${run}`, maxWaitTimeInMs: 100 });
  // Serialised before the clock starts: the raw figure is the client and broker, not JSON.stringify.
  const now = new Date();
  const messages = Array.from({ length: n }, (_, i) => {
    const e = inboundEvent(`${run}r`, i, now);
    return { key: e.key, value: JSON.stringify(e) };
  });
  try {
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: DEFAULT_PARTITIONS, replicationFactor: 1 }],
    });
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let consumed = 0;
    let lastAt = 0;
    let done: () => void = () => undefined;
    const all = new Promise<void>((resolve) => (done = resolve));
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachMessage: async () => {
        consumed++;
        lastAt = Date.now();
        if (consumed >= n) done();
      },
    });
    await joined;
    process.stderr.write(`raw kafkajs: producing and consuming ${n} messages on ${DEFAULT_PARTITIONS} partitions\n`);
    const started = Date.now();
    for (const [from, to] of batches(n, options.batchSize)) {
      await producer.send({ topic, acks: -1, messages: messages.slice(from, to) });
    }
    const produceMs = Date.now() - started;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, options.timeoutMs)))]);
    clearTimeout(timer);
    const spanMs = (consumed > 0 ? lastAt : Date.now()) - started;
    return {
      topic,
      partitions: DEFAULT_PARTITIONS,
      messages: n,
      consumed,
      seconds: spanMs / 1000,
      messagesPerS: perSecond(consumed, spanMs),
      produceSeconds: produceMs / 1000,
      completed: consumed >= n,
    };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
