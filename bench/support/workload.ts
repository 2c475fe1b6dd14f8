import { createEvent, EventEnvelope, InboundPayload, Topics } from '@draftdesk/contracts';

export type InboundEvent = EventEnvelope<typeof Topics.inbound>;

interface Template {
  language: 'nl' | 'en';
  topic: string;
  subject: (order: number) => string;
  text: (order: number, name: string) => string;
}

/** Everyday questions in both launch languages: the mix a shop's inbox actually gets. */
const TEMPLATES: readonly Template[] = [
  {
    language: 'nl',
    topic: 'order-status',
    subject: (o) => `Waar blijft bestelling ${o}?`,
    text: (o, n) =>
      `Hallo,\n\nIk heb vorige week bestelling ${o} geplaatst maar nog niets ontvangen. Waar blijft mijn pakket?\n\nGroeten,\n${n}`,
  },
  {
    language: 'nl',
    topic: 'refund',
    subject: (o) => `Terugbetaling retour ${o}`,
    text: (o, n) =>
      `Beste klantenservice,\n\nIk heb de fiets van bestelling ${o} twee weken geleden teruggestuurd. Wanneer krijg ik mijn geld terug?\n\nMet vriendelijke groet,\n${n}`,
  },
  {
    language: 'nl',
    topic: 'invoice',
    subject: (o) => `Factuur voor bestelling ${o}`,
    text: (o, n) =>
      `Goedemiddag,\n\nKunnen jullie mij de factuur van bestelling ${o} sturen? Ik heb hem nodig voor mijn administratie.\n\nBedankt,\n${n}`,
  },
  {
    language: 'en',
    topic: 'order-status',
    subject: (o) => `Where is my order ${o}?`,
    text: (o, n) =>
      `Hi,\n\nI placed order ${o} last week and it still has not arrived. Could you tell me where my parcel is?\n\nThanks,\n${n}`,
  },
  {
    language: 'en',
    topic: 'refund',
    subject: (o) => `Refund for returned order ${o}`,
    text: (o, n) =>
      `Hello,\n\nI sent back the helmet from order ${o} ten days ago. When will the refund reach my account?\n\nKind regards,\n${n}`,
  },
  {
    language: 'en',
    topic: 'invoice',
    subject: (o) => `Invoice for order ${o}`,
    text: (o, n) =>
      `Good afternoon,\n\nCould you send me a VAT invoice for order ${o}? Our bookkeeping needs it this month.\n\nBest,\n${n}`,
  },
];

const NAMES = [
  'Sanne de Vries',
  'Daan Bakker',
  'Emma Jansen',
  'Liam Visser',
  'Olivia Smith',
  'Noah Brown',
  'Julia Mulder',
  'Lucas Meijer',
];

/** Distinct customers per run: enough for real concurrency across partitions, few enough to reuse customer rows. */
export const CUSTOMERS = 500;

export interface WorkloadItem {
  externalMessageId: string;
  language: 'nl' | 'en';
  topic: string;
  customer: string;
}

/** The i-th message of a run: deterministic in (run, i) so every mode and raw engine pushes the same messages. */
export function workloadItem(run: string, i: number): WorkloadItem & { name: string; subject: string; text: string } {
  const template = TEMPLATES[i % TEMPLATES.length];
  const customerNo = i % CUSTOMERS;
  const name = NAMES[customerNo % NAMES.length];
  const order = 100_000 + i;
  return {
    externalMessageId: `bench-${run}-${i}@example.test`,
    language: template.language,
    topic: template.topic,
    customer: `customer${customerNo}-${run}@example.test`,
    name,
    subject: template.subject(order),
    text: template.text(order, name.split(' ')[0]),
  };
}

/** A valid support.inbound.v1 event for message i, received (pushed) at `receivedAt`. */
export function inboundEvent(run: string, i: number, receivedAt: Date, producer = 'bench'): InboundEvent {
  const item = workloadItem(run, i);
  const payload: InboundPayload = {
    channel: 'email',
    externalMessageId: item.externalMessageId,
    inReplyTo: null,
    references: [],
    from: { address: item.customer, name: item.name },
    to: [{ address: 'support@shop.test', name: '' }],
    subject: item.subject,
    text: item.text,
    newText: item.text,
    html: null,
    receivedAt: receivedAt.toISOString(),
    automated: { automated: false, kind: null, reasons: [] },
    attachments: [],
    mailbox: 'support@shop.test',
    rawMailId: null,
    chat: null,
  };
  return createEvent(Topics.inbound, { producer, conversationId: null, key: item.customer, payload });
}

/** Index ranges [from, to) of consecutive batches covering n items. */
export function batches(n: number, size: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let from = 0; from < n; from += size) out.push([from, Math.min(n, from + size)]);
  return out;
}
