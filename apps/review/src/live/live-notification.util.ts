import type { LiveEvent } from './live-events.service';

/** The PostgreSQL channel review replicas share; NOTIFY is per database, so tests on their own database never mix. */
export const LIVE_CHANNEL = 'draftdesk_review_live';

const TYPES = new Set([
  'arrived',
  'claimed',
  'released',
  'updated',
  'resolved',
  'sla_breached',
  'redrafted',
  'superseded',
  'noted',
  'conversation',
]);

export function encodeNotification(origin: string, event: LiveEvent): string {
  return JSON.stringify({ o: origin, e: event });
}

/** The event another replica announced; null for our own, a foreign or a malformed payload. */
export function decodeNotification(payload: string | undefined, self: string): LiveEvent | null {
  if (!payload) return null;
  try {
    const { o, e } = JSON.parse(payload) as { o?: unknown; e?: Partial<LiveEvent> };
    if (o === self || typeof o !== 'string' || !e) return null;
    if (
      !TYPES.has(e.type as string) ||
      typeof e.shopId !== 'string' ||
      typeof e.draftId !== 'string' ||
      typeof e.version !== 'number'
    )
      return null;
    return {
      type: e.type as LiveEvent['type'],
      shopId: e.shopId,
      draftId: e.draftId,
      version: e.version,
      by: typeof e.by === 'string' ? e.by : null,
      ...(typeof e.conversationId === 'string' ? { conversationId: e.conversationId } : {}),
    };
  } catch {
    return null;
  }
}
