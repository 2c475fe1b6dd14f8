import { z } from 'zod';
import { IncomingChatMessage } from './chat-message.dto';

// Meta adds fields to these objects over time, so unknown keys pass; only what we read is required.
const mediaSchema = z
  .object({ id: z.string(), mime_type: z.string().optional(), caption: z.string().optional() })
  .passthrough();

const waMessageSchema = z
  .object({
    from: z.string().min(1),
    id: z.string().min(1),
    timestamp: z.string().regex(/^\d{1,12}$/, 'must be unix seconds'),
    type: z.string(),
    text: z.object({ body: z.string() }).passthrough().optional(),
    image: mediaSchema.optional(),
    document: mediaSchema.extend({ filename: z.string().optional() }).optional(),
    audio: mediaSchema.optional(),
    video: mediaSchema.optional(),
  })
  .passthrough();

export const whatsAppWebhookSchema = z
  .object({
    object: z.literal('whatsapp_business_account'),
    entry: z.array(
      z
        .object({
          id: z.string(),
          changes: z.array(
            z
              .object({
                field: z.string(),
                value: z
                  .object({
                    messaging_product: z.literal('whatsapp').optional(),
                    metadata: z.object({ phone_number_id: z.string() }).passthrough().optional(),
                    contacts: z
                      .array(
                        z
                          .object({
                            wa_id: z.string(),
                            profile: z.object({ name: z.string() }).passthrough().optional(),
                          })
                          .passthrough(),
                      )
                      .optional(),
                    messages: z.array(waMessageSchema).optional(),
                  })
                  .passthrough(),
              })
              .passthrough(),
          ),
        })
        .passthrough(),
    ),
  })
  .passthrough();
export type WhatsAppWebhookDto = z.infer<typeof whatsAppWebhookSchema>;

type WaMessage = z.infer<typeof waMessageSchema>;

function media(message: WaMessage) {
  const kind = (['image', 'document', 'audio', 'video'] as const).find((k) => message[k]);
  if (!kind) return null;
  const item = message[kind]!;
  return {
    caption: item.caption ?? '',
    attachment: {
      url: `whatsapp-media:${item.id}`,
      contentType: item.mime_type ?? null,
      filename: kind === 'document' ? ((item as { filename?: string }).filename ?? null) : null,
    },
  };
}

/**
 * The customer messages in one WhatsApp notification. Status updates (sent, delivered, read) carry no messages and
 * yield nothing; message types without text or media (reactions, locations…) are skipped.
 */
export function fromWhatsAppWebhook(dto: WhatsAppWebhookDto): IncomingChatMessage[] {
  const out: IncomingChatMessage[] = [];
  for (const entry of dto.entry) {
    for (const change of entry.changes) {
      const names = new Map((change.value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name ?? '']));
      for (const message of change.value.messages ?? []) {
        const attached = media(message);
        const text = message.text?.body ?? attached?.caption ?? '';
        if (!text.trim() && !attached) continue;
        out.push({
          sessionId: message.from,
          externalMessageId: message.id,
          customer: { id: message.from, name: names.get(message.from) ?? '', email: null },
          text: text.trim(),
          attachments: attached ? [attached.attachment] : [],
          sentAt: new Date(Number(message.timestamp) * 1000).toISOString(),
          recipient: message.from,
        });
      }
    }
  }
  return out;
}
