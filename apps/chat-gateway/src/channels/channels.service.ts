import { open, seal } from '@draftdesk/config';
import { createLogger } from '@draftdesk/observability';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CHAT_GATEWAY_OPTIONS, ChatGatewayOptions } from '../chat-gateway.options';
import { ChannelConfig, ChannelInput, channelConfigSchema } from './channel.types';

interface ChannelRow {
  id: string;
  kind: 'generic' | 'whatsapp';
  callback_url: string | null;
  api_base_url: string | null;
  phone_number_id: string | null;
  rate_per_second: number;
  rate_burst: number;
  identity_verified: boolean;
  secrets_enc: string;
}

interface SealedSecrets {
  secrets: string[];
  verifyToken?: string;
  accessToken?: string;
}

/**
 * Channels live in Postgres with their credentials sealed; decrypted copies are cached briefly so the webhook hot
 * path does not query and decrypt on every request, while a change made by another replica shows within the TTL.
 */
@Injectable()
export class ChannelsService implements OnApplicationBootstrap {
  private readonly log = createLogger(ChannelsService.name);
  private readonly cache = new Map<string, { channel: ChannelConfig | null; until: number }>();

  constructor(
    @Inject(CHAT_GATEWAY_OPTIONS) private readonly options: ChatGatewayOptions,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap() {
    for (const channel of this.options.seedChannels) await this.upsert(channel);
    if (this.options.seedChannels.length)
      this.log.info({ channels: this.options.seedChannels.map((c) => c.id) }, 'channels seeded');
  }

  async upsert(input: ChannelInput): Promise<ChannelConfig> {
    const channel = channelConfigSchema.parse(input);
    const sealed: SealedSecrets =
      channel.kind === 'whatsapp'
        ? { secrets: channel.secrets, verifyToken: channel.verifyToken, accessToken: channel.accessToken }
        : { secrets: channel.secrets };
    await this.dataSource.query(
      `INSERT INTO chat_channels (id, kind, callback_url, api_base_url, phone_number_id, rate_per_second, rate_burst, secrets_enc, identity_verified)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, callback_url = EXCLUDED.callback_url,
         api_base_url = EXCLUDED.api_base_url, phone_number_id = EXCLUDED.phone_number_id,
         rate_per_second = EXCLUDED.rate_per_second, rate_burst = EXCLUDED.rate_burst,
         secrets_enc = EXCLUDED.secrets_enc, identity_verified = EXCLUDED.identity_verified, updated_at = now()`,
      [
        channel.id,
        channel.kind,
        channel.kind === 'generic' ? channel.callbackUrl : null,
        channel.kind === 'whatsapp' ? channel.apiBaseUrl : null,
        channel.kind === 'whatsapp' ? channel.phoneNumberId : null,
        channel.rateLimit.perSecond,
        channel.rateLimit.burst,
        seal(this.options.secretsKey, JSON.stringify(sealed), channel.id),
        // WhatsApp vouches for a phone number, never for an e-mail address: its senders are not verified for orders.
        channel.kind === 'generic' && channel.identityVerified,
      ],
    );
    this.cache.delete(channel.id);
    return channel;
  }

  async find(id: string): Promise<ChannelConfig | null> {
    const hit = this.cache.get(id);
    if (hit && hit.until > Date.now()) return hit.channel;
    const [row]: ChannelRow[] = await this.dataSource.query(`SELECT * FROM chat_channels WHERE id = $1`, [id]);
    const channel = row ? this.fromRow(row) : null;
    this.cache.set(id, { channel, until: Date.now() + this.options.channelCacheMs });
    return channel;
  }

  async list(): Promise<ChannelConfig[]> {
    const rows: ChannelRow[] = await this.dataSource.query(`SELECT * FROM chat_channels ORDER BY id`);
    return rows.map((row) => this.fromRow(row));
  }

  private fromRow(row: ChannelRow): ChannelConfig {
    const sealed = JSON.parse(open(this.options.secretsKey, row.secrets_enc, row.id)) as SealedSecrets;
    const rateLimit = { perSecond: Number(row.rate_per_second), burst: row.rate_burst };
    if (row.kind === 'whatsapp') {
      return {
        id: row.id,
        kind: 'whatsapp',
        secrets: sealed.secrets,
        verifyToken: sealed.verifyToken!,
        accessToken: sealed.accessToken!,
        apiBaseUrl: row.api_base_url!,
        phoneNumberId: row.phone_number_id!,
        rateLimit,
      };
    }
    return {
      id: row.id,
      kind: 'generic',
      secrets: sealed.secrets,
      callbackUrl: row.callback_url!,
      rateLimit,
      identityVerified: row.identity_verified === true,
    };
  }
}
