import { ALL_TOPICS, DEFAULT_PARTITIONS } from '@draftdesk/contracts';
import { createLogger, ReadinessRegistry } from '@draftdesk/observability';
import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DataSource, EntityManager } from 'typeorm';
import { ConsumerRunner, EventHandler } from './consumer.host';
import { BusRecord, EVENT_BUS, EventBus } from './event-bus';
import { InProcessEventBus } from './in-process.event-bus';
import { KafkaEventBus } from './kafka.event-bus';
import { ON_EVENT, OnEventOptions } from './on-event.decorator';
import { OutboxRelay } from './outbox.relay';
import { OutboxService } from './outbox.service';

export interface MessagingOptions {
  transport: 'kafka' | 'in-process';
  kafka?: { brokers: string[]; clientId: string; topicPrefix?: string; lagSampleSeconds?: number };
  /** Outbox producers this process relays; null relays every producer (embedded mode). */
  relayProducers: string[] | null;
  pollIntervalMs?: number;
  /** Prefix of consumer group ids, e.g. "draftdesk." + consumer name. */
  groupPrefix?: string;
}

const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
/** Within Kubernetes' default 30 s grace period, with room for the rest of the shutdown. */
const SHUTDOWN_DRAIN_MS = 10_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const limit = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)),
  );
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** Consecutive records of the same topic, in order. */
function topicRuns(records: BusRecord[]): BusRecord[][] {
  const runs: BusRecord[][] = [];
  for (const record of records) {
    const last = runs[runs.length - 1];
    if (last && last[0].topic === record.topic) last.push(record);
    else runs.push([record]);
  }
  return runs;
}

@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly log = createLogger(MessagingLifecycle.name);
  readonly relay: OutboxRelay;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly readiness: ReadinessRegistry,
  ) {
    this.relay = new OutboxRelay(dataSource, bus, {
      producers: options.relayProducers,
      batchSize: 200,
      pollIntervalMs: options.pollIntervalMs ?? 100,
      claimSeconds: 30,
    });
    outbox.onCommitted(() => this.relay.nudge());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.start();
    const handlers = this.discoverHandlers();
    const committed = (manager: EntityManager) => this.outbox.committedIn(manager);
    const byConsumer = new Map<string, { topic: OnEventOptions['topic']; handler: EventHandler }[]>();
    for (const h of handlers) byConsumer.set(h.consumer, [...(byConsumer.get(h.consumer) ?? []), h]);
    for (const [consumer, list] of byConsumer) {
      const runners = new Map(
        list.map((h) => [
          h.topic,
          new ConsumerRunner(consumer, h.topic, h.handler, this.dataSource, this.bus, committed),
        ]),
      );
      this.bus.subscribe({
        group: `${this.options.groupPrefix ?? 'draftdesk.'}${consumer}`,
        topics: [...runners.keys()],
        handler: async (records, control) => {
          // A Kafka batch holds one topic; the in-process bus may mix this consumer's topics, kept in their order.
          for (const run of topicRuns(records)) {
            if (!control.active()) return;
            await runners.get(run[0].topic as OnEventOptions['topic'])!.handleBatch(run, control);
          }
        },
      });
      this.log.info({ consumer, topics: [...runners.keys()] }, 'consumer registered');
    }
    await this.bus.startConsumers();
    this.relay.start();
    this.readiness.register('event-bus', async () => ({ ok: await this.bus.healthy(), detail: this.bus.kind }));
  }

  /**
   * A rolling update's SIGTERM: stop taking events, let those in hand finish and commit their offsets, publish what
   * they wrote, then leave. Anything still unpublished after the drain's limit is published by the next instance.
   * This runs before any module's onApplicationShutdown, while the database pool is still open.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.bus.stopConsumers();
    await this.relay.stop();
    await withTimeout(this.relay.drain(), SHUTDOWN_DRAIN_MS).catch((error) =>
      this.log.warn({ err: error }, 'outbox not drained at shutdown; the next instance publishes the rest'),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.bus.stop();
  }

  private discoverHandlers(): (OnEventOptions & { handler: EventHandler })[] {
    const found: (OnEventOptions & { handler: EventHandler })[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const meta = this.reflector.get<OnEventOptions | undefined>(ON_EVENT, prototype[name]);
        if (meta) found.push({ ...meta, handler: (prototype[name] as EventHandler).bind(instance) });
      }
    }
    return found;
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const busProvider = {
      provide: EVENT_BUS,
      useFactory: (): EventBus =>
        options.transport === 'kafka'
          ? new KafkaEventBus({
              brokers: options.kafka!.brokers,
              clientId: options.kafka!.clientId,
              topicPrefix: options.kafka!.topicPrefix,
              groupPrefix: options.groupPrefix ?? 'draftdesk.',
              lagSampleMs: (options.kafka!.lagSampleSeconds ?? 15) * 1000,
              topics: [...ALL_TOPICS],
              partitions: DEFAULT_PARTITIONS,
            })
          : new InProcessEventBus(),
    };
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, busProvider, OutboxService, MessagingLifecycle],
      exports: [EVENT_BUS, OutboxService, MessagingLifecycle],
    };
  }
}
