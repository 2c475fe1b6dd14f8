import { z } from 'zod';
import {
  addressSchema,
  automatedSchema,
  channelSchema,
  chatRefSchema,
  replyThreadingSchema,
  triageSchema,
} from './common.schema';
import { Topics } from './topics';

const attachmentMetaSchema = z.object({
  filename: z.string().nullable(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  disposition: z.enum(['inline', 'attachment']),
});

/** A customer message as a channel received it, before it belongs to a conversation. */
export const inboundPayloadSchema = z.object({
  channel: channelSchema,
  /** Message-ID for mail, the provider's message id for chat. */
  externalMessageId: z.string().min(1),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  from: addressSchema,
  to: z.array(addressSchema),
  subject: z.string(),
  text: z.string(),
  newText: z.string(),
  html: z.string().nullable(),
  receivedAt: z.string().datetime({ offset: true }),
  automated: automatedSchema,
  attachments: z.array(attachmentMetaSchema),
  mailbox: z.string().nullable(),
  rawMailId: z.string().uuid().nullable(),
  chat: chatRefSchema.nullable(),
  /** For a bounce: Message-IDs of the returned original (enclosed message or headers), to find our reply. */
  bouncedMessageIds: z.array(z.string()).optional(),
  /**
   * Whether the channel vouches for `from` (a chat channel whose provider signs its users in). Absent: e-mail's From
   * counts as verified (it is where the reply goes), a chat identity does not.
   */
  identityVerified: z.boolean().optional(),
});

const conversationMessageSchema = z.object({
  messageId: z.string().uuid(),
  /** The shop the message belongs to; absent means the single default shop. */
  shopId: z.string().min(1).optional(),
  channel: channelSchema,
  customer: z.object({ id: z.string().uuid(), address: z.string(), name: z.string() }),
  mailbox: z.string().nullable(),
  /** The conversation's token, for the reply address (support+<token>@…); absent from older producers. */
  conversationToken: z.string().min(1).optional(),
  subject: z.string(),
  /**
   * The message's place among its conversation's customer messages, in the order the conversation stored them
   * (1, 2, …): a message's history holds every message with a lower number. Absent from older producers.
   */
  sequence: z.number().int().positive().optional(),
  /** The customer's new text only: quoted history and signature removed. */
  text: z.string(),
  html: z.string().nullable(),
  automated: automatedSchema,
  /** Threading our reply to this message must carry. */
  reply: replyThreadingSchema.omit({ messageId: true }),
  chat: chatRefSchema.nullable(),
  /** Earlier turns, oldest first, so drafting is aware of the conversation. */
  history: z.array(z.object({ direction: z.enum(['inbound', 'outbound']), text: z.string() })),
  /** As on the inbound message; absent from older producers: verified for e-mail, not for chat. */
  identityVerified: z.boolean().optional(),
  /**
   * Emails from this customer's address in the last 24 hours, this one included, across all their conversations:
   * a customer (or an auto-responder) that keeps writing. Absent for chat and from older producers.
   */
  recentInbound: z.number().int().nonnegative().optional(),
});

export const messageAddedPayloadSchema = conversationMessageSchema;

export const triagedPayloadSchema = conversationMessageSchema.extend({ triage: triageSchema });

/** Mirrors OrderFacts in @draftdesk/shop: what a reviewer checks a draft against. */
const orderFactsSchema = z.object({
  orderNumber: z.string(),
  status: z.string(),
  placedAt: z.string(),
  total: z.object({ amount: z.number(), currency: z.string() }),
  items: z.array(z.object({ name: z.string(), quantity: z.number() })),
  carrier: z.string().optional(),
  trackingNumber: z.string().optional(),
  trackingUrl: z.string().optional(),
  expectedDelivery: z.string().optional(),
  invoiceUrl: z.string().optional(),
  shippingAddress: z.string().optional(),
  customerEmail: z.string().optional(),
  customerName: z.string().optional(),
});

export const decisionSchema = z.enum(['auto_send', 'review', 'escalate', 'ignore']);
export type Decision = z.infer<typeof decisionSchema>;

/**
 * Where a draft stands at the review desk. `pending` and `redraft_requested` are open (at most one per
 * conversation); `superseded`: the customer wrote again before it was sent, and the draft for that newer message
 * took its place. `sending`: approved, waiting out the shop's send delay, during which the agent can undo it.
 */
export const draftStatusSchema = z.enum([
  'pending',
  'sending',
  'approved',
  'rejected',
  'auto_sent',
  'ignored',
  'redraft_requested',
  'failed',
  'superseded',
]);
export type DraftStatus = z.infer<typeof draftStatusSchema>;

export const draftedPayloadSchema = z.object({
  draftId: z.string().uuid(),
  messageId: z.string().uuid(),
  /** The `sequence` of the message the draft answers: a draft for a later message supersedes it. */
  messageSequence: z.number().int().positive().optional(),
  channel: channelSchema,
  to: addressSchema,
  mailbox: z.string().nullable(),
  /** The conversation's token, for the reply address (support+<token>@…); absent from older producers. */
  conversationToken: z.string().min(1).optional(),
  subject: z.string(),
  body: z.string().nullable(),
  language: z.string(),
  intent: z.string(),
  confidence: z.number().min(0).max(1),
  decision: decisionSchema,
  reasons: z.array(z.string()),
  citations: z.array(z.string()),
  reply: replyThreadingSchema,
  chat: chatRefSchema.nullable(),
  customerText: z.string(),
  /** The order the draft was grounded in, as the drafter's order source returned it; absent from older producers. */
  orderFacts: orderFactsSchema.nullable().optional(),
  /** Set on a redraft: the review item (its first draft's id) this draft replaces, and which attempt it is. */
  redraftOf: z.string().uuid().optional(),
  revision: z.number().int().min(0).optional(),
});

/** A reviewer's request for a new draft of the same message; the instruction is staff text, trusted unlike the customer's. */
export const redraftRequestedPayloadSchema = z.object({
  /** The draft to write again (the drafter keeps the triaged message it was written from). */
  draftId: z.string().uuid(),
  /** The review item the new draft replaces (the id of the item's first draft). */
  itemId: z.string().uuid(),
  messageId: z.string().uuid(),
  shopId: z.string().min(1),
  instruction: z.string().min(1).max(2000),
  /** The requesting user's id. */
  requestedBy: z.string().min(1),
});

export const slaBreachedPayloadSchema = z.object({
  /** The review item's id. */
  draftId: z.string().uuid(),
  shopId: z.string().min(1),
  kind: z.enum(['first', 'next']),
  priority: z.string().min(1),
  dueAt: z.string().datetime({ offset: true }),
  breachedAt: z.string().datetime({ offset: true }),
});

export const replyApprovedPayloadSchema = z.object({
  draftId: z.string().uuid(),
  channel: channelSchema,
  to: addressSchema,
  mailbox: z.string().nullable(),
  /** The conversation's token, for the reply address (support+<token>@…); absent from older producers. */
  conversationToken: z.string().min(1).optional(),
  subject: z.string(),
  body: z.string().min(1),
  reply: replyThreadingSchema,
  chat: chatRefSchema.nullable(),
  /** 'policy' when the gate sent it without a person, else the approving user. */
  approvedBy: z.string().min(1),
  autoSent: z.boolean(),
  quotedText: z.string().nullable(),
});

export const replySentPayloadSchema = z.object({
  draftId: z.string().uuid(),
  channel: channelSchema,
  to: addressSchema,
  subject: z.string(),
  body: z.string(),
  messageId: z.string(),
  status: z.enum(['sent', 'failed']),
  error: z.string().nullable(),
  sentAt: z.string().datetime({ offset: true }),
  autoSent: z.boolean(),
});

/** Payload schema per topic: the single source of truth producers and consumers validate against. */
export const EventSchemas = {
  [Topics.inbound]: inboundPayloadSchema,
  [Topics.messageAdded]: messageAddedPayloadSchema,
  [Topics.triaged]: triagedPayloadSchema,
  [Topics.drafted]: draftedPayloadSchema,
  [Topics.replyApproved]: replyApprovedPayloadSchema,
  [Topics.replySent]: replySentPayloadSchema,
  [Topics.redraftRequested]: redraftRequestedPayloadSchema,
  [Topics.slaBreached]: slaBreachedPayloadSchema,
} as const;

export type EventSchemaMap = typeof EventSchemas;
export type PayloadOf<T extends keyof EventSchemaMap> = z.infer<EventSchemaMap[T]>;
export type InboundPayload = PayloadOf<typeof Topics.inbound>;
export type MessageAddedPayload = PayloadOf<typeof Topics.messageAdded>;
export type TriagedPayload = PayloadOf<typeof Topics.triaged>;
export type DraftedPayload = PayloadOf<typeof Topics.drafted>;
export type ReplyApprovedPayload = PayloadOf<typeof Topics.replyApproved>;
export type ReplySentPayload = PayloadOf<typeof Topics.replySent>;
export type RedraftRequestedPayload = PayloadOf<typeof Topics.redraftRequested>;
export type SlaBreachedPayload = PayloadOf<typeof Topics.slaBreached>;
export type OrderFactsPayload = z.infer<typeof orderFactsSchema>;
