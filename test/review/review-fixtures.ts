import type { DraftedPayload } from '@draftdesk/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import type { TestDatabase } from '../support/database';

export interface SeedItem {
  shopId?: string;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  intent?: string;
  language?: string;
  channel?: 'email' | 'chat';
  body?: string | null;
  dueAt?: Date;
  escalated?: boolean;
  customer?: string;
}

/**
 * A conversation with one inbound message and a pending draft, written as the conversations service and the
 * review consumer would write them (the consumer path itself is covered by the e2e tests).
 */
export async function seedItem(
  db: TestDatabase,
  s: SeedItem = {},
): Promise<{ draftId: string; conversationId: string; messageId: string }> {
  const customerId = randomUUID();
  const conversationId = randomUUID();
  const messageId = randomUUID();
  const draftId = randomUUID();
  const address = s.customer ?? `c-${randomBytes(4).toString('hex')}@example.test`;
  const language = s.language ?? 'nl';
  const intent = s.intent ?? 'track_order';
  await db.query(`INSERT INTO customers (id, address, name) VALUES ($1, $2, 'Sanne de Vries')`, [customerId, address]);
  await db.query(
    `INSERT INTO conversations (id, customer_id, channel, mailbox, subject, normalized_subject, token) VALUES ($1, $2, $3, 'support@shop.test', 'Waar is mijn bestelling?', 'waar is mijn bestelling?', $4)`,
    [conversationId, customerId, s.channel ?? 'email', randomBytes(8).toString('hex')],
  );
  const triage = {
    language,
    intent,
    confidence: 0.9,
    sentiment: 'neutral',
    urgency: s.priority ?? 'normal',
    reasons: ['keyword'],
    entities: [{ type: 'order_number', value: '100234' }],
    flags: [],
    engine: 'test',
  };
  await db.query(
    `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, subject, text, new_text, triage, occurred_at)
     VALUES ($1, $2, 'inbound', $3, $4, $5, 'Waar is mijn bestelling?', 'Waar is bestelling 100234?', 'Waar is bestelling 100234?', $6, now())`,
    [messageId, conversationId, s.channel ?? 'email', `<${messageId}@example.test>`, address, JSON.stringify(triage)],
  );
  const body = s.body === undefined ? 'Beste Sanne, je pakket 100234 is onderweg.' : s.body;
  const payload = {
    draftId,
    messageId,
    channel: s.channel ?? 'email',
    to: { address, name: 'Sanne de Vries' },
    mailbox: 'support@shop.test',
    subject: 'Re: Waar is mijn bestelling?',
    body,
    language,
    intent,
    confidence: 0.7,
    decision: s.escalated ? 'escalate' : 'review',
    reasons: ['order found'],
    citations: ['order:100234', 'kb:shipping'],
    reply: {
      messageId: `${draftId}@replies.shop.test`,
      inReplyTo: `<${messageId}@example.test>`,
      references: [`<${messageId}@example.test>`],
    },
    chat: null,
    customerText: 'Waar is bestelling 100234?',
  };
  await db.query(
    `INSERT INTO review_items (draft_id, conversation_id, status, decision, payload, body, shop_id, channel, mailbox, intent, language, priority, due_at, escalated)
     VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7, 'support@shop.test', $8, $9, $10, $11, $12)`,
    [
      draftId,
      conversationId,
      payload.decision,
      JSON.stringify(payload),
      body,
      s.shopId ?? 'default',
      payload.channel,
      intent,
      language,
      s.priority ?? 'normal',
      s.dueAt ?? new Date(Date.now() + 3600_000),
      s.escalated ?? false,
    ],
  );
  return { draftId, conversationId, messageId };
}

/** The drafter's draft for a stored customer message, as support.drafted.v1 carries it. */
export function draftedFor(
  message: { messageId: string; sequence?: number; address: string; name?: string; text: string },
  decision: DraftedPayload['decision'] = 'review',
): DraftedPayload {
  const draftId = randomUUID();
  return {
    draftId,
    messageId: message.messageId,
    ...(message.sequence ? { messageSequence: message.sequence } : {}),
    channel: 'email',
    to: { address: message.address, name: message.name ?? 'Sanne de Vries' },
    mailbox: 'support@shop.test',
    subject: 'Re: Waar is mijn bestelling?',
    body: decision === 'ignore' ? null : `Beste Sanne, over: ${message.text}`,
    language: 'nl',
    intent: 'track_order',
    confidence: 0.9,
    decision,
    reasons: [],
    citations: [],
    reply: { messageId: `${draftId}@replies.shop.test`, inReplyTo: null, references: [] },
    chat: null,
    customerText: message.text,
  };
}

/** A signed-in browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class SessionClient {
  private cookie = '';
  csrf = '';

  constructor(readonly base: string) {}

  async login(email: string, password: string): Promise<Response> {
    const res = await fetch(`${this.base}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status === 200) {
      this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
      this.csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
    }
    return res;
  }

  fetch(path: string, init: RequestInit & { json?: unknown; csrf?: boolean } = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookie, ...(init.headers as Record<string, string>) };
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    if (init.method && init.method !== 'GET' && init.csrf !== false) headers['x-csrf-token'] ??= this.csrf;
    return fetch(`${this.base}${path}`, {
      ...init,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
  }
}

/** An integration client with a bearer token. */
export function tokenClient(base: string, token: string) {
  return (path: string, init: RequestInit & { json?: unknown } = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.headers as Record<string, string>),
      },
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
}
