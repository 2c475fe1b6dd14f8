import { createHmac } from 'node:crypto';

export type Channel = 'email' | 'chat';

export interface ChaosMessage {
  i: number;
  channel: Channel;
  /** What identifies the customer's conversation: the sender address (mail) or `<channel>:<session>` (chat). */
  key: string;
  /** Mail: the Message-ID (without brackets); chat: the provider's message id. */
  externalId: string;
  name: string;
  subject: string;
  text: string;
}

const ORDERS = ['100234', '100241', '100245', '100238', '100229', '100217', '100250', '100253', '100258', '100261'];
const NAMES = ['Sanne de Vries', 'Tom Baker', 'Emma Jansen', 'Liam Visser', 'Olivia Smith', 'Noah Brown'];

/** Everyday questions a shop answers from its order data and knowledge base: the ones a policy may auto-send. */
const QUESTIONS: ReadonlyArray<{ subject: (o: string) => string; text: (o: string, first: string) => string }> = [
  {
    subject: (o) => `Waar blijft bestelling ${o}?`,
    text: (o, n) =>
      `Hallo,\n\nIk heb bestelling ${o} geplaatst maar nog niets ontvangen. Waar is mijn pakket?\n\nGroeten,\n${n}`,
  },
  {
    subject: (o) => `Where is my order ${o}?`,
    text: (o, n) => `Hi,\n\nI placed order ${o} and it has not arrived yet. Where is my parcel?\n\nThanks,\n${n}`,
  },
  {
    subject: () => 'Betaalmethoden',
    text: (_o, n) => `Hallo,\n\nWelke betaalmethoden accepteren jullie? Kan ik met iDEAL betalen?\n\nGroeten,\n${n}`,
  },
  {
    subject: () => 'Delivery options',
    text: (_o, n) => `Hello,\n\nWhat delivery options do you offer, and how long does delivery take?\n\nBest,\n${n}`,
  },
];

/** The i-th message of a run; even messages arrive by chat webhook, odd ones by SMTP. Each is its own customer. */
export function chaosMessage(run: string, i: number, chatChannel: string): ChaosMessage {
  const q = QUESTIONS[Math.floor(i / 2) % QUESTIONS.length];
  const order = ORDERS[i % ORDERS.length];
  const name = NAMES[i % NAMES.length];
  const first = name.split(' ')[0];
  const channel: Channel = i % 2 === 0 ? 'chat' : 'email';
  const id = `chaos-${run}-${i}`;
  return {
    i,
    channel,
    key: channel === 'chat' ? `${chatChannel}:${id}` : `${id}@example.test`,
    externalId: channel === 'chat' ? id : `${id}@example.test`,
    name,
    subject: q.subject(order),
    text: q.text(order, first),
  };
}

/** The mail as a customer's mail server hands it over (CRLF line ends, fixed Message-ID so a retry is the same mail). */
export function rawMail(m: ChaosMessage, to: string, date = new Date()): string {
  return [
    `From: ${m.name} <${m.key}>`,
    `To: ${to}`,
    `Subject: ${m.subject}`,
    `Message-ID: <${m.externalId}>`,
    `Date: ${date.toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    m.text.replace(/\n/g, '\r\n'),
    '',
  ].join('\r\n');
}

/** The generic chat webhook body for a message. */
export function chatBody(m: ChaosMessage, sentAt = new Date()): string {
  const session = m.key.slice(m.key.indexOf(':') + 1);
  return JSON.stringify({
    sessionId: session,
    messageId: m.externalId,
    customer: { id: `cust-${session}`, name: m.name },
    text: m.text,
    timestamp: sentAt.toISOString(),
  });
}

/** Standard Webhooks signature (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`) with the secret's key bytes. */
export function standardWebhookHeaders(
  key: Buffer,
  webhookId: string,
  body: string,
  now = Date.now(),
): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  const signature = `v1,${createHmac('sha256', key).update(`${webhookId}.${timestamp}.${body}`).digest('base64')}`;
  return {
    'content-type': 'application/json',
    'webhook-id': webhookId,
    'webhook-timestamp': timestamp,
    'webhook-signature': signature,
  };
}
