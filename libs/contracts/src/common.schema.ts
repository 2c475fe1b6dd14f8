import { z } from 'zod';

export const addressSchema = z.object({
  address: z.string().min(3).max(320),
  name: z.string().max(320).default(''),
});
export type Address = z.infer<typeof addressSchema>;

export const channelSchema = z.enum(['email', 'chat']);
export type Channel = z.infer<typeof channelSchema>;

export const automatedSchema = z.object({
  automated: z.boolean(),
  kind: z.enum(['auto_reply', 'bounce', 'list', 'loop']).nullable(),
  reasons: z.array(z.string()),
});
export type Automated = z.infer<typeof automatedSchema>;

/** How a reply must be threaded so the customer's mail client shows it in the same conversation. */
export const replyThreadingSchema = z.object({
  /** The Message-ID our reply will carry, fixed when the draft is created (without angle brackets). */
  messageId: z.string().min(3),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
});
export type ReplyThreading = z.infer<typeof replyThreadingSchema>;

export const chatRefSchema = z.object({
  channelId: z.string().min(1),
  sessionId: z.string().min(1),
});
export type ChatRef = z.infer<typeof chatRefSchema>;

export const triageSchema = z.object({
  language: z.string().min(2),
  intent: z.string().min(1),
  confidence: z.number().min(0).max(1),
  sentiment: z.enum(['negative', 'neutral', 'positive']),
  urgency: z.enum(['low', 'normal', 'high', 'urgent']),
  reasons: z.array(z.string()),
  entities: z.array(z.object({ type: z.string(), value: z.string() }).passthrough()),
  flags: z.array(z.string()),
  engine: z.string(),
  /** How the customer addresses us (u/Sie/vous/Dear vs je/du/tu/Hi); the reply follows a more formal writer. */
  register: z.enum(['formal', 'informal']).optional(),
  /** Further asks in the same message (intents), beside the primary `intent`; each deserves an answer. */
  asks: z.array(z.string()).optional(),
});
export type Triage = z.infer<typeof triageSchema>;
