import { z } from 'zod';

/** A customer message, whatever channel it came from, as the gateway buffers it. */
export interface IncomingChatMessage {
  sessionId: string;
  externalMessageId: string;
  customer: { id: string; name: string; email: string | null };
  text: string;
  attachments: { url: string; contentType: string | null; filename: string | null }[];
  sentAt: string;
  /** Where replies to this session go: the session itself for generic channels, the wa_id for WhatsApp. */
  recipient: string;
}

const timestampSchema = z.union([
  z.string().datetime({ offset: true }),
  // Unix time in seconds or milliseconds, as many chat providers send it; no later than a JavaScript Date can hold.
  z.number().int().positive().max(8.64e15),
]);

function toIso(value: string | number): string {
  if (typeof value === 'string') return new Date(value).toISOString();
  return new Date(value < 1e12 ? value * 1000 : value).toISOString();
}

/** The body of POST /v1/channels/:channelId/messages (documented in the OpenAPI document). */
export const genericMessageSchema = z
  .object({
    sessionId: z.string().min(1).max(200),
    messageId: z.string().min(1).max(200),
    customer: z
      .object({
        id: z.string().min(1).max(200),
        name: z.string().max(200).default(''),
        email: z.string().email().max(320).nullable().optional(),
      })
      .strict(),
    text: z.string().max(20_000).default(''),
    attachments: z
      .array(
        z
          .object({
            url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000),
            contentType: z.string().max(200).optional(),
            filename: z.string().max(300).optional(),
          })
          .strict(),
      )
      .max(20)
      .default([]),
    timestamp: timestampSchema,
  })
  .strict()
  .refine((m) => m.text.trim().length > 0 || m.attachments.length > 0, {
    message: 'needs text or an attachment',
    path: ['text'],
  });
export type GenericMessageDto = z.infer<typeof genericMessageSchema>;

export function fromGenericMessage(dto: GenericMessageDto): IncomingChatMessage {
  return {
    sessionId: dto.sessionId,
    externalMessageId: dto.messageId,
    customer: { id: dto.customer.id, name: dto.customer.name, email: dto.customer.email ?? null },
    text: dto.text.trim(),
    attachments: dto.attachments.map((a) => ({
      url: a.url,
      contentType: a.contentType ?? null,
      filename: a.filename ?? null,
    })),
    sentAt: toIso(dto.timestamp),
    recipient: dto.sessionId,
  };
}
