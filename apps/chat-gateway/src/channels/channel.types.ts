import { z } from 'zod';

const rateLimitSchema = z.object({
  perSecond: z.number().positive().max(100_000).default(20),
  burst: z.number().int().min(1).max(100_000).default(40),
});

const secretSchema = z
  .string()
  .regex(/^(whsec_)?[A-Za-z0-9+/]{22,}={0,2}$/, 'must be whsec_<base64 of at least 16 bytes>');

/** A generic channel: Standard Webhooks in both directions, replies POSTed to the callback URL. */
export const genericChannelSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1–64 letters, digits, dots, dashes or underscores'),
    kind: z.literal('generic'),
    /** Newest first: replies are signed with the first; intake accepts any of them (rotation). */
    secrets: z.array(secretSchema).min(1).max(5),
    callbackUrl: z.string().url(),
    rateLimit: rateLimitSchema.default({ perSecond: 20, burst: 40 }),
    /**
     * True only when the provider authenticates its users (a logged-in shop widget signing the customer's id and
     * e-mail): then the e-mail it sends may be used to look up that customer's orders. Otherwise it is only a claim.
     */
    identityVerified: z.boolean().default(false),
  })
  .strict();

/** A generic channel as an admin creates it: its signing secret is made by the gateway and shown once. */
export const newGenericChannelSchema = genericChannelSchema.omit({ secrets: true, kind: true });
export type NewGenericChannel = z.input<typeof newGenericChannelSchema>;

/** A WhatsApp Business Cloud API number. */
export const whatsAppChannelSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1–64 letters, digits, dots, dashes or underscores'),
    kind: z.literal('whatsapp'),
    /** App secrets that sign X-Hub-Signature-256; several while one is being rotated. */
    secrets: z.array(z.string().min(8)).min(1).max(5),
    verifyToken: z.string().min(8),
    accessToken: z.string().min(8),
    apiBaseUrl: z.string().url().default('https://graph.facebook.com/v21.0'),
    phoneNumberId: z.string().min(1),
    rateLimit: rateLimitSchema.default({ perSecond: 20, burst: 40 }),
  })
  .strict();

export const channelConfigSchema = z.discriminatedUnion('kind', [genericChannelSchema, whatsAppChannelSchema]);
export type ChannelConfig = z.infer<typeof channelConfigSchema>;
export type ChannelInput = z.input<typeof channelConfigSchema>;
export type GenericChannel = z.infer<typeof genericChannelSchema>;
export type WhatsAppChannel = z.infer<typeof whatsAppChannelSchema>;

/** A channel as the admin API shows it: everything except credentials. */
export function describeChannel(channel: ChannelConfig) {
  const { secrets, ...rest } = channel;
  const visible: Record<string, unknown> = { ...rest, secretCount: secrets.length };
  delete visible.accessToken;
  delete visible.verifyToken;
  return visible;
}
