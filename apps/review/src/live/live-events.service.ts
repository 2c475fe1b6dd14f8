import { createLogger } from '@draftdesk/observability';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { filter, interval, map, merge, Observable, Subject, takeUntil } from 'rxjs';
import { QueryRunner } from 'typeorm';
import { REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { LiveChannelRepository } from './live-channel.repository';
import { decodeNotification, encodeNotification, LIVE_CHANNEL } from './live-notification.util';

/**
 * `noted`: a note was added to the draft (its mentions are read from GET /v1/mentions). `conversation`: the inbox's
 * state of a whole conversation changed (assigned, closed, reopened, snoozed); its draftId is the pending draft, if any.
 */
export type LiveEventType =
  | 'arrived'
  | 'claimed'
  | 'released'
  | 'updated'
  | 'resolved'
  | 'sla_breached'
  | 'redrafted'
  | 'superseded'
  | 'noted'
  | 'conversation';

export interface LiveEvent {
  type: LiveEventType;
  shopId: string;
  draftId: string;
  version: number;
  by: string | null;
  /** Where the publisher knows it (a new draft, a conversation's state), so an open conversation page refreshes. */
  conversationId?: string;
}

const RECONNECT_MS = 1000;

/**
 * Queue changes for server-sent events. Each change is delivered to this replica's listeners at once and, with
 * the 'postgres' fan-out, sent through NOTIFY to the other replicas on the same database, which hear it on a
 * connection of their own that LISTENs. A replica ignores its own notifications (it delivered them already).
 * NOTIFY is not a queue: a replica whose listening connection is down misses what happens meanwhile, and its
 * agents' screens catch up on their next refresh.
 */
@Injectable()
export class LiveEventsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = createLogger(LiveEventsService.name);
  private readonly events = new Subject<LiveEvent>();
  private readonly closing = new Subject<void>();
  private readonly replicaId = randomUUID();
  private listener?: QueryRunner;
  private closed = false;
  private retry?: NodeJS.Timeout;

  constructor(
    @Optional() private readonly channel?: LiveChannelRepository,
    @Optional() @Inject(REVIEW_OPTIONS) private readonly options?: ReviewOptions,
  ) {}

  private get fansOut(): boolean {
    return this.options?.liveFanout === 'postgres' && !!this.channel;
  }

  async onApplicationBootstrap() {
    if (this.fansOut) await this.listen();
  }

  publish(event: LiveEvent) {
    this.events.next(event);
    if (!this.fansOut || this.closed) return;
    this.channel!.notify(encodeNotification(this.replicaId, event)).catch((err) =>
      this.log.warn({ err }, 'could not notify the other replicas'),
    );
  }

  /** One shop's changes, with a ping every 25 s so that proxies keep an idle stream open; ends at shutdown. */
  forShop(shopId: string, pingMs = 25_000): Observable<{ type: string; data: LiveEvent | Record<string, never> }> {
    const changes = this.events.pipe(
      filter((e) => e.shopId === shopId),
      map((e) => ({ type: e.type, data: e })),
    );
    const pings = interval(pingMs).pipe(map(() => ({ type: 'ping', data: {} })));
    return merge(changes, pings).pipe(takeUntil(this.closing));
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const runner = this.channel!.listenerConnection();
    try {
      await runner.connect();
      this.listener = runner;
      const client = this.channel!.clientOf(runner);
      client.on('notification', (msg) => {
        if (msg.channel !== LIVE_CHANNEL) return;
        const event = decodeNotification(msg.payload, this.replicaId);
        if (event) this.events.next(event);
      });
      const lost = (err?: Error) => {
        if (this.closed || this.listener !== runner) return;
        this.log.warn({ err }, 'live events: listening connection lost; reconnecting');
        this.listener = undefined;
        runner.release().catch(() => undefined);
        this.retry = setTimeout(() => void this.listen(), RECONNECT_MS);
      };
      client.on('error', lost);
      client.on('end', lost);
      await this.channel!.listen(client);
    } catch (err) {
      this.log.warn({ err }, 'live events: cannot LISTEN; retrying');
      this.listener = undefined;
      await runner.release().catch(() => undefined);
      if (!this.closed) this.retry = setTimeout(() => void this.listen(), RECONNECT_MS * 5);
    }
  }

  async onModuleDestroy() {
    this.closed = true;
    clearTimeout(this.retry);
    const runner = this.listener;
    this.listener = undefined;
    await runner?.release().catch(() => undefined);
    this.closing.next();
    this.closing.complete();
    this.events.complete();
  }
}
