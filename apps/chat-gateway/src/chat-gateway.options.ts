import { env, parseSecretsKey } from '@draftdesk/config';
import { serviceConfigShape } from '@draftdesk/platform';
import { z } from 'zod';
import { ChannelInput, channelConfigSchema } from './channels/channel.types';

/** Webhook bodies above this are refused with 413 before anything else is done with them. */
export const MAX_WEBHOOK_BYTES = 256 * 1024;

const secretsKey = z.string().transform((value, ctx) => {
  try {
    return parseSecretsKey(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

/** CHAT_CHANNELS_JSON: a JSON array of channels, upserted at start-up (see README for the shape). */
const channelsJson = z.string().transform((value, ctx) => {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON array of channels' });
    return z.NEVER;
  }
  const parsed = z.array(channelConfigSchema).safeParse(json);
  if (!parsed.success) {
    // One issue on the variable itself, naming the nested fields, so the config loader reports it by its name.
    ctx.addIssue({
      code: 'custom',
      message: parsed.error.issues.map((i) => `[${i.path.join('.')}] ${i.message}`).join('; '),
    });
    return z.NEVER;
  }
  return parsed.data as ChannelInput[];
});

export const chatGatewayConfigShape = {
  /** 32 random bytes, base64: seals channel secrets at rest (AES-256-GCM). */
  CHAT_SECRETS_KEY: secretsKey,
  CHAT_CHANNELS_JSON: channelsJson.optional(),
  /** Bearer token of the channel admin API; the API answers 404 while it is unset. */
  CHAT_ADMIN_TOKEN: z.string().min(16).optional(),
  CHAT_QUIET_WINDOW_MS: env.int().pipe(z.number().min(0).max(600_000)).default(3000),
  /** A customer who never pauses still gets an answer: a turn is emitted at the latest this long after it began. */
  CHAT_MAX_TURN_WAIT_MS: env.int().pipe(z.number().min(0).max(3_600_000)).default(20_000),
  CHAT_DELIVERY_MAX_ATTEMPTS: env.int().pipe(z.number().min(1).max(50)).default(8),
  CHAT_DELIVERY_RETRY_BASE_MS: env.int().pipe(z.number().min(1).max(3_600_000)).default(2000),
  CHAT_DELIVERY_TIMEOUT_MS: env.int().pipe(z.number().min(100).max(120_000)).default(10_000),
};

export type ChatGatewayConfig = z.infer<z.ZodObject<typeof chatGatewayConfigShape>>;

/** The chat-gateway service's settings. */
export const chatGatewayConfigSchema = z.object({ ...serviceConfigShape(3002), ...chatGatewayConfigShape });

export interface ChatGatewayOptions {
  secretsKey: Buffer;
  seedChannels: ChannelInput[];
  adminToken?: string;
  quietWindowMs: number;
  maxTurnWaitMs: number;
  maxBodyBytes: number;
  timestampToleranceSeconds: number;
  /** How long a Standard Webhooks id is remembered for replay detection. */
  replayWindowHours: number;
  channelCacheMs: number;
  delivery: { maxAttempts: number; retryBaseMs: number; retryMaxMs: number; timeoutMs: number };
  /** How often the quiet-window and delivery workers look for due work when nothing woke them. */
  pollIntervalMs: number;
}

export function chatGatewayOptionsFromConfig(
  config: ChatGatewayConfig,
  overrides: Partial<ChatGatewayOptions> = {},
): ChatGatewayOptions {
  return {
    secretsKey: config.CHAT_SECRETS_KEY,
    seedChannels: config.CHAT_CHANNELS_JSON ?? [],
    adminToken: config.CHAT_ADMIN_TOKEN,
    quietWindowMs: config.CHAT_QUIET_WINDOW_MS,
    maxTurnWaitMs: Math.max(config.CHAT_MAX_TURN_WAIT_MS, config.CHAT_QUIET_WINDOW_MS),
    maxBodyBytes: MAX_WEBHOOK_BYTES,
    timestampToleranceSeconds: 300,
    replayWindowHours: 24,
    channelCacheMs: 5_000,
    delivery: {
      maxAttempts: config.CHAT_DELIVERY_MAX_ATTEMPTS,
      retryBaseMs: config.CHAT_DELIVERY_RETRY_BASE_MS,
      retryMaxMs: 15 * 60_000,
      timeoutMs: config.CHAT_DELIVERY_TIMEOUT_MS,
    },
    pollIntervalMs: 250,
    ...overrides,
  };
}

export const CHAT_GATEWAY_OPTIONS = Symbol('CHAT_GATEWAY_OPTIONS');
