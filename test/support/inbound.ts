import { createEvent, EventEnvelope, InboundPayload, Topics } from '@draftdesk/contracts';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { engines } from './engines';

/** A customer email as mail-ingest would announce it; override what the test cares about. */
export function inboundEmail(
  overrides: Partial<InboundPayload> & Pick<InboundPayload, 'externalMessageId' | 'from' | 'text'>,
): InboundPayload {
  return {
    channel: 'email',
    inReplyTo: null,
    references: [],
    to: [{ address: 'support@shop.test', name: '' }],
    subject: '',
    newText: overrides.text,
    html: null,
    receivedAt: new Date().toISOString(),
    automated: { automated: false, kind: null, reasons: [] },
    attachments: [],
    mailbox: 'support@shop.test',
    rawMailId: null,
    chat: null,
    ...overrides,
  };
}

/** Publishes inbound events straight to Kafka (under a test's topic prefix), standing in for mail-ingest. */
export async function publishInbound(topicPrefix: string, ...payloads: InboundPayload[]): Promise<void> {
  await publishEvents(
    topicPrefix,
    payloads.map((payload) =>
      createEvent(Topics.inbound, {
        producer: 'test',
        conversationId: null,
        key: payload.from.address.toLowerCase(),
        payload,
      }),
    ),
  );
}

/** Publishes events straight to their topics (under a test's topic prefix), standing in for their producer. */
export async function publishEvents(topicPrefix: string, events: EventEnvelope[]): Promise<void> {
  const producer = new Kafka({
    clientId: 'draftdesk-test',
    brokers: engines.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  }).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    for (const topic of new Set(events.map((e) => e.topic))) {
      const messages = events.filter((e) => e.topic === topic).map((e) => ({ key: e.key, value: JSON.stringify(e) }));
      await producer.send({ topic: topicPrefix + topic, messages });
    }
  } finally {
    await producer.disconnect();
  }
}
