import { DatabaseModule, runMigrations } from '@draftdesk/database';
import { MessagingModule } from '@draftdesk/messaging';
import { ObservabilityModule } from '@draftdesk/observability';
import { AccessModule, HttpErrorFilter } from '@draftdesk/platform';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ChannelInput } from '../../apps/chat-gateway/src/channels/channel.types';
import { ChatGatewayOptions, MAX_WEBHOOK_BYTES } from '../../apps/chat-gateway/src/chat-gateway.options';
import { ChatGatewayModule, configureChatGatewayHttp } from '../../apps/chat-gateway/src/chat-gateway.module';

const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/draftdesk_test';

/** A schema of its own per test file, migrated with the real migrations, so parallel runs never see each other. */
export async function createTestSchema(prefix = 'chat_test'): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = `${BASE_URL}${BASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  await runMigrations({ url, poolSize: 1 });
  return {
    url,
    drop: async () => {
      const c = new Client({ connectionString: BASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export function testOptions(overrides: Partial<ChatGatewayOptions> = {}): ChatGatewayOptions {
  return {
    secretsKey: randomBytes(32),
    seedChannels: [],
    quietWindowMs: 300,
    maxTurnWaitMs: 5_000,
    maxBodyBytes: MAX_WEBHOOK_BYTES,
    timestampToleranceSeconds: 300,
    replayWindowHours: 24,
    channelCacheMs: 1_000,
    delivery: { maxAttempts: 3, retryBaseMs: 50, retryMaxMs: 1_000, timeoutMs: 2_000 },
    pollIntervalMs: 50,
    ...overrides,
  };
}

/** The feature module as the embedded app mounts it: access guard, in-process bus, real Postgres, raw bodies kept. */
export async function bootChatApp(
  url: string,
  options: ChatGatewayOptions,
  configureHttp = true,
): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      AccessModule,
      ObservabilityModule,
      DatabaseModule.forRoot({ url, poolSize: 5, applicationName: 'chat-gateway-test' }),
      MessagingModule.forRoot({ transport: 'in-process', relayProducers: null, pollIntervalMs: 50 }),
      ChatGatewayModule.register(options),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ rawBody: true, logger: false });
  if (configureHttp) configureChatGatewayHttp(app);
  app.useGlobalFilters(new HttpErrorFilter());
  await app.init();
  return app;
}

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export function genericChannel(
  id: string,
  secrets: string[],
  callbackUrl = 'http://127.0.0.1:9/unused',
  rate = { perSecond: 1000, burst: 1000 },
): ChannelInput {
  return { id, kind: 'generic', secrets, callbackUrl, rateLimit: rate };
}

/** Polls until the check passes or the deadline is reached, then fails with the last error. */
export async function expectEventually<T>(check: () => Promise<T>, timeoutMs = 5_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
