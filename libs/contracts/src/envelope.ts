import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { EventSchemaMap, EventSchemas, PayloadOf } from './events';
import { Topic } from './topics';

/**
 * Every event travels in the same envelope. `key` is the Kafka key: the conversation id once the conversation
 * exists, so one conversation's events stay in order on one partition. Inbound events precede the conversation,
 * so they are keyed by the thread hint (the customer's address, or the chat session) instead.
 */
export const envelopeSchema = z.object({
  id: z.string().uuid(),
  topic: z.string(),
  version: z.literal(1),
  key: z.string().min(1),
  conversationId: z.string().uuid().nullable(),
  occurredAt: z.string().datetime({ offset: true }),
  producer: z.string().min(1),
  payload: z.unknown(),
});

export interface EventEnvelope<T extends Topic = Topic> {
  id: string;
  topic: T;
  version: 1;
  key: string;
  conversationId: string | null;
  occurredAt: string;
  producer: string;
  payload: PayloadOf<T & keyof EventSchemaMap>;
}

export class InvalidEventError extends Error {
  readonly retryable = false;
  constructor(
    message: string,
    readonly issues: string[],
  ) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

export function createEvent<T extends Topic>(
  topic: T,
  init: { producer: string; conversationId: string | null; key?: string; payload: PayloadOf<T> },
): EventEnvelope<T> {
  const key = init.key ?? init.conversationId;
  if (!key) throw new InvalidEventError(`${topic}: an event needs a key`, ['key']);
  const payload = EventSchemas[topic].parse(init.payload) as PayloadOf<T>;
  return {
    id: randomUUID(),
    topic,
    version: 1,
    key,
    conversationId: init.conversationId,
    occurredAt: new Date().toISOString(),
    producer: init.producer,
    payload,
  };
}

function describe(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/** Validates raw bytes from a topic into a typed envelope, or throws InvalidEventError naming every bad field. */
export function parseEvent<T extends Topic>(topic: T, raw: string | Buffer | null): EventEnvelope<T> {
  if (raw === null) throw new InvalidEventError(`${topic}: empty message`, ['(root): empty']);
  let json: unknown;
  try {
    json = JSON.parse(raw.toString());
  } catch {
    throw new InvalidEventError(`${topic}: value is not JSON`, ['(root): not JSON']);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    const issues = describe(envelope.error);
    throw new InvalidEventError(`${topic}: invalid envelope (${issues.join('; ')})`, issues);
  }
  if (envelope.data.topic !== topic) {
    throw new InvalidEventError(`${topic}: envelope names topic ${envelope.data.topic}`, ['topic']);
  }
  const payload = EventSchemas[topic].safeParse(envelope.data.payload);
  if (!payload.success) {
    const issues = describe(payload.error).map((issue) => `payload.${issue}`);
    throw new InvalidEventError(`${topic}: invalid payload (${issues.join('; ')})`, issues);
  }
  return { ...envelope.data, topic, payload: payload.data } as EventEnvelope<T>;
}
