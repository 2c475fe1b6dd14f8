import { SetMetadata } from '@nestjs/common';
import { Topic } from '@draftdesk/contracts';

export const ON_EVENT = Symbol('draftdesk:on-event');

export interface OnEventOptions {
  topic: Topic;
  /** Consumer name: the Kafka consumer group suffix and the inbox key. One per service. */
  consumer: string;
}

/**
 * Marks a provider method as the handler of one topic for one consumer. The method receives the validated
 * envelope and an EventContext whose `manager` is the transaction that also records the event in the inbox.
 */
export const OnEvent = (topic: Topic, consumer: string) =>
  SetMetadata(ON_EVENT, { topic, consumer } satisfies OnEventOptions);
