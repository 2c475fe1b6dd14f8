import { ChannelConfig } from '../channels/channel.types';
import { webhookHeaders } from '../intake/standard-webhooks.util';

export interface ChatReply {
  draftId: string;
  conversationId: string;
  channelId: string;
  sessionId: string;
  /** Provider address of the customer: the wa_id for WhatsApp, the session for generic channels. */
  recipient: string;
  text: string;
}

export interface DeliveryRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * The HTTP request that delivers one reply. Generic callbacks are signed like the webhooks we receive, with the
 * draft id as webhook-id (and Idempotency-Key) so the receiver can drop our retries; WhatsApp gets a Cloud API
 * text message.
 */
export function buildDeliveryRequest(channel: ChannelConfig, reply: ChatReply, now = Date.now()): DeliveryRequest {
  if (channel.kind === 'whatsapp') {
    return {
      url: `${channel.apiBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(channel.phoneNumberId)}/messages`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${channel.accessToken}` },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: reply.recipient,
        type: 'text',
        text: { preview_url: false, body: reply.text },
      }),
    };
  }
  const body = JSON.stringify({
    type: 'message.reply',
    channelId: reply.channelId,
    sessionId: reply.sessionId,
    draftId: reply.draftId,
    conversationId: reply.conversationId,
    text: reply.text,
    createdAt: new Date(now).toISOString(),
  });
  return {
    url: channel.callbackUrl,
    headers: {
      'content-type': 'application/json',
      'idempotency-key': reply.draftId,
      ...webhookHeaders(channel.secrets[0], reply.draftId, body, now),
    },
    body,
  };
}

export type DeliveryOutcome =
  | { kind: 'sent'; providerMessageId: string | null }
  | { kind: 'retry' | 'failed'; reason: string; retryAfterMs?: number };

/** Timeouts, throttling and server errors may pass; any other client error will not, however often it is retried. */
export function classifyResponse(status: number, body: string, retryAfter: string | null): DeliveryOutcome {
  if (status >= 200 && status < 300) return { kind: 'sent', providerMessageId: providerMessageId(body) };
  const reason = `HTTP ${status}: ${body.slice(0, 300)}`;
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    const seconds = Number(retryAfter);
    return {
      kind: 'retry',
      reason,
      retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined,
    };
  }
  return { kind: 'failed', reason };
}

function providerMessageId(body: string): string | null {
  try {
    const json = JSON.parse(body) as { messages?: { id?: string }[]; id?: string };
    return json.messages?.[0]?.id ?? json.id ?? null;
  } catch {
    return null;
  }
}

export function backoffMs(attempt: number, baseMs: number, maxMs: number, retryAfterMs?: number): number {
  return Math.min(maxMs, Math.max(baseMs * 2 ** (attempt - 1), retryAfterMs ?? 0));
}
