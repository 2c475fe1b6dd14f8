import { deadLetterTopic } from '@draftdesk/contracts';
import { consumerLag, createLogger } from '@draftdesk/observability';
import { Admin, Consumer, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { BusRecord, EventBus, Subscription } from './event-bus';
import { producerStateLost } from './producer-state.util';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  /** Topics (and their dead-letter topics) created at start when missing. */
  topics: string[];
  partitions: number;
  /** How many partitions one consumer instance works on at once. */
  partitionsConsumedConcurrently?: number;
  /** Prepended to every topic name on the cluster, so several environments can share one Kafka. */
  topicPrefix?: string;
  /** draftdesk's consumer groups start with this; their lag is sampled for the metrics. */
  groupPrefix?: string;
  lagSampleMs?: number;
}

/**
 * Apache Kafka through kafkajs. An offset is committed only after its handler resolved — that is, after the
 * effect is committed in Postgres or the event is on the dead-letter topic — so nothing is acknowledged before
 * it is durable.
 */
export class KafkaEventBus implements EventBus {
  readonly kind = 'kafka' as const;
  private readonly log = createLogger(KafkaEventBus.name);
  private readonly kafka: Kafka;
  private producer: Producer;
  private readonly admin: Admin;
  private readonly subscriptions: Subscription[] = [];
  private readonly consumers: Consumer[] = [];
  private producerConnected = false;
  /** A replacement producer that has not connected yet: the next publish connects it first. */
  private producerPending = false;
  private readonly prefix: string;
  private lagTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: KafkaBusOptions) {
    this.prefix = options.topicPrefix ?? '';
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      retry: { initialRetryTime: 300, retries: 10 },
      logCreator: () => (entry) => {
        const { message, ...rest } = entry.log;
        this.log.warn({ namespace: entry.namespace, ...rest }, message);
      },
    });
    this.producer = this.newProducer();
    this.admin = this.kafka.admin();
  }

  private newProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  /** A producer whose idempotence state the broker no longer accepts is replaced by a new one (see producerStateLost). */
  private async replaceProducer(error: unknown): Promise<void> {
    this.log.warn({ err: error }, 'the broker rejected the producer state: replacing the producer');
    const broken = this.producer;
    this.producer = this.newProducer();
    this.producerPending = true;
    await broken.disconnect().catch(() => undefined);
    await this.connectProducer().catch((e) => this.log.warn({ err: e }, 'the new producer could not connect yet'));
  }

  private async connectProducer(): Promise<void> {
    await this.producer.connect();
    this.producerPending = false;
  }

  async start(): Promise<void> {
    await this.admin.connect();
    await this.ensureTopics();
    await this.producer.connect();
    this.producerConnected = true;
    this.lagTimer = setInterval(() => void this.sampleLag(), this.options.lagSampleMs ?? 15_000);
    this.lagTimer.unref();
  }

  private async ensureTopics(): Promise<void> {
    const existing = new Set(await this.admin.listTopics());
    const all = this.options.topics.flatMap((t) => [t, deadLetterTopic(t)]).map((t) => this.prefix + t);
    const wanted = all.filter((t) => !existing.has(t));
    if (wanted.length > 0) await this.createTopics(wanted);
    await this.topicsLed(all);
  }

  /**
   * Services start together: a topic another service created a moment ago is listed before its partitions have a
   * leader, and a consumer that joins then fails with "This server does not host this topic-partition". Wait until
   * every partition of every topic this service uses has one.
   */
  private async topicsLed(topics: string[], timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const { topics: meta } = await this.admin.fetchTopicMetadata({ topics });
        if (
          meta.length === topics.length &&
          meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))
        )
          return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline)
        throw new Error(`topics without a partition leader after ${timeoutMs} ms: ${topics.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  private async createTopics(wanted: string[]): Promise<void> {
    try {
      await this.admin.createTopics({
        waitForLeaders: true,
        topics: wanted.map((topic) => ({ topic, numPartitions: this.options.partitions, replicationFactor: 1 })),
      });
      this.log.info({ topics: wanted }, 'created topics');
    } catch (error) {
      // Another replica may have created them a moment earlier.
      if (!String((error as Error).message).includes('already exists')) throw error;
    }
  }

  subscribe(subscription: Subscription): void {
    this.subscriptions.push(subscription);
  }

  async startConsumers(): Promise<void> {
    for (const subscription of this.subscriptions) {
      const consumer = this.kafka.consumer({
        groupId: subscription.group,
        sessionTimeout: 30_000,
        heartbeatInterval: 3_000,
        maxWaitTimeInMs: 100,
      });
      await consumer.connect();
      for (const topic of subscription.topics)
        await consumer.subscribe({ topic: this.prefix + topic, fromBeginning: true });
      // An offset is resolved only once the transaction holding its event committed (or the event is on the
      // dead-letter topic), and kafkajs commits resolved offsets every 100 records or 500 ms and at the end of each
      // batch. A crash replays at most that window, which the inbox turns into no-ops.
      await consumer.run({
        autoCommit: true,
        autoCommitInterval: 500,
        autoCommitThreshold: 100,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? this.options.partitions,
        eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
          const topic = batch.topic.slice(this.prefix.length);
          const records: BusRecord[] = batch.messages.map((message) => ({
            topic,
            partition: batch.partition,
            offset: message.offset,
            key: message.key?.toString() ?? '',
            value: message.value?.toString() ?? '',
            headers: Object.fromEntries(
              Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? '']),
            ),
          }));
          await subscription.handler(records, {
            heartbeat,
            resolved: async (record) => {
              resolveOffset(record.offset!);
              await commitOffsetsIfNecessary();
            },
            // A stale batch was taken over by a seek or a rebalance: its remaining records are someone else's.
            active: () => isRunning() && !isStale(),
          });
        },
      });
      this.consumers.push(consumer);
    }
  }

  /**
   * Consumer lag of every draftdesk group per partition (log end offset minus committed offset), for scaling and
   * alerts. Every service samples all groups, not only its own: a group whose consumers are all down still has
   * its lag reported (the rules take one value per partition across reporters).
   */
  private async sampleLag(): Promise<void> {
    try {
      const prefix = this.options.groupPrefix ?? 'draftdesk.';
      const { groups } = await this.admin.listGroups();
      const ends = new Map<string, Awaited<ReturnType<Admin['fetchTopicOffsets']>>>();
      for (const { groupId } of groups.filter((g) => g.groupId.startsWith(prefix))) {
        for (const { topic, partitions } of await this.admin.fetchOffsets({ groupId })) {
          if (!topic.startsWith(this.prefix)) continue;
          if (!ends.has(topic)) ends.set(topic, await this.admin.fetchTopicOffsets(topic));
          for (const end of ends.get(topic)!) {
            const done = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
            const from = done >= 0 ? done : Number(end.low);
            consumerLag.set(
              { group: groupId, topic: topic.slice(this.prefix.length), partition: String(end.partition) },
              Math.max(0, Number(end.high) - from),
            );
          }
        }
      }
    } catch (error) {
      this.log.debug({ err: error }, 'consumer lag sample failed');
    }
  }

  async publish(records: BusRecord[]): Promise<void> {
    const byTopic = new Map<string, BusRecord[]>();
    for (const r of records) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
    try {
      if (this.producerPending) await this.connectProducer();
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, rs]) => ({
          topic: this.prefix + topic,
          messages: rs.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
        })),
      });
    } catch (error) {
      // The caller retries the batch; with the broken producer every retry would fail the same way.
      if (producerStateLost(error)) await this.replaceProducer(error);
      throw error;
    }
  }

  async healthy(): Promise<boolean> {
    if (!this.producerConnected) return false;
    await this.admin.describeCluster();
    return true;
  }

  /** A running batch finishes its current transaction; kafkajs commits the resolved offsets before it leaves the group. */
  async stopConsumers(): Promise<void> {
    await Promise.allSettled(this.consumers.splice(0).map((c) => c.disconnect()));
  }

  async stop(): Promise<void> {
    if (this.lagTimer) clearInterval(this.lagTimer);
    await this.stopConsumers();
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
    this.producerConnected = false;
  }
}
