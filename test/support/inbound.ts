import { createEvent, InboundPayload, Topics } from '@draftdesk/contracts';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { engines } from './engines';

/** A customer email as mail-ingest would announce it; override what the test cares about. */
export function inboundEmail(overrides: Partial<InboundPayload> & Pick<InboundPayload, 'externalMessageId' | 'from' | 'text'>): InboundPayload {
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
  const producer = new Kafka({ clientId: 'draftdesk-test', brokers: engines.kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const events = payloads.map((payload) =>
      createEvent(Topics.inbound, { producer: 'test', conversationId: null, key: payload.from.address.toLowerCase(), payload }),
    );
    await producer.send({ topic: topicPrefix + Topics.inbound, messages: events.map((e) => ({ key: e.key, value: JSON.stringify(e) })) });
  } finally {
    await producer.disconnect();
  }
}
