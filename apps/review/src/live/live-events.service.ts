import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { filter, interval, map, merge, Observable, Subject, takeUntil } from 'rxjs';

export type LiveEventType = 'arrived' | 'claimed' | 'released' | 'updated' | 'resolved' | 'sla_breached';

export interface LiveEvent {
  type: LiveEventType;
  shopId: string;
  draftId: string;
  version: number;
  by: string | null;
}

/**
 * Queue changes for server-sent events. In-process: with several review replicas each one only hears its own
 * changes — a Postgres LISTEN/NOTIFY fan-out is the follow-up for that.
 */
@Injectable()
export class LiveEventsService implements OnModuleDestroy {
  private readonly events = new Subject<LiveEvent>();

  publish(event: LiveEvent) {
    this.events.next(event);
  }

  private readonly closing = new Subject<void>();

  /** One shop's changes, with a ping every 25 s so that proxies keep an idle stream open; ends at shutdown. */
  forShop(shopId: string, pingMs = 25_000): Observable<{ type: string; data: LiveEvent | Record<string, never> }> {
    const changes = this.events.pipe(
      filter((e) => e.shopId === shopId),
      map((e) => ({ type: e.type, data: e })),
    );
    const pings = interval(pingMs).pipe(map(() => ({ type: 'ping', data: {} })));
    return merge(changes, pings).pipe(takeUntil(this.closing));
  }

  onModuleDestroy() {
    this.closing.next();
    this.closing.complete();
    this.events.complete();
  }
}
