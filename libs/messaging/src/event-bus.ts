/** One event as it travels on the bus: the serialised envelope plus where it came from. */
export interface BusRecord {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
  partition?: number;
  offset?: string;
}

/** What a consumer may tell the transport while it works through a batch. */
export interface BatchControl {
  /** Keeps the consumer's membership alive during long work. */
  heartbeat(): Promise<void>;
  /** The record is applied for good (committed, skipped as a repeat, or dead-lettered), and so is every one before it. */
  resolved(record: BusRecord): Promise<void>;
  /** False once the transport wants its records back (shutdown, rebalance): start no further transaction. */
  active(): boolean;
}

/** Receives records of one partition in order; returns once each is resolved, or throws to have the rest redelivered. */
export type BatchHandler = (records: BusRecord[], control: BatchControl) => Promise<void>;

export interface Subscription {
  /** The consumer group: one per service, so each service sees every event once. */
  group: string;
  topics: string[];
  handler: BatchHandler;
}

/**
 * The transport between services: Apache Kafka in production, an in-process bus in the embedded mode. Both
 * deliver at least once and in order per key; consumers make effects idempotent through the inbox.
 */
export interface EventBus {
  readonly kind: 'kafka' | 'in-process';
  start(): Promise<void>;
  stop(): Promise<void>;
  publish(records: BusRecord[]): Promise<void>;
  subscribe(subscription: Subscription): void;
  /** Starts delivering to the subscriptions registered so far. */
  startConsumers(): Promise<void>;
  /** Stops taking new events; resolves once those in hand are applied and their offsets committed. */
  stopConsumers(): Promise<void>;
  healthy(): Promise<boolean>;
}

export const EVENT_BUS = Symbol('EVENT_BUS');
