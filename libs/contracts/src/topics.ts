/**
 * Every topic draftdesk uses, in one place. Names are versioned and never renamed: a breaking change to an
 * event is a new topic version, consumed side by side until the old one drains.
 */
export const Topics = {
  inbound: 'support.inbound.v1',
  messageAdded: 'support.message-added.v1',
  triaged: 'support.triaged.v1',
  drafted: 'support.drafted.v1',
  replyApproved: 'support.reply-approved.v1',
  replySent: 'support.reply-sent.v1',
  /** A reviewer asked the drafter to write a pending draft again, following an instruction. */
  redraftRequested: 'support.redraft-requested.v1',
  /** A queue item was not answered by its SLA due time (once per item and kind of response). */
  slaBreached: 'support.sla-breached.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

export const ALL_TOPICS: readonly Topic[] = Object.values(Topics);

/** Events that could not be applied land here with the reason in their headers. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlt`;
}

/** Partitions each topic is created with: enough for a few replicas of every consumer group. */
export const DEFAULT_PARTITIONS = 6;
