import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/principal';
import { AuditLogRepository } from '../drafts/audit-log.repository';
import { CHAT_GATEWAY_ADMIN, OwnerApiClient } from './owner-api.client';

/** A channel as chat-gateway's admin API describes it: never a secret, only how many it accepts. */
export interface ChannelView {
  id: string;
  kind: string;
  secretCount: number;
  [field: string]: unknown;
}

/** A signing secret is in the answer to the change that made it, and nowhere else (not in lists, not in the log). */
interface WithSecret {
  channel: ChannelView;
  secret: string;
}

/** The settings page's chat channels, kept by chat-gateway; every change is in the shop's audit log. */
@Injectable()
export class ChatChannelSettingsService {
  constructor(
    @Inject(CHAT_GATEWAY_ADMIN) private readonly chatGateway: OwnerApiClient,
    private readonly auditLog: AuditLogRepository,
  ) {}

  async list() {
    if (!this.chatGateway.connected) return { connected: false, items: [] };
    const { items } = await this.chatGateway.call<{ items: ChannelView[] }>('GET', '/v1/chat/channels');
    return { connected: true, items };
  }

  async create(actor: Actor, body: Record<string, unknown>): Promise<WithSecret> {
    const made = await this.chatGateway.call<WithSecret>('POST', '/v1/chat/channels', body);
    await this.audit(actor, 'chat_channel_create', made.channel.id, null, made.channel);
    return made;
  }

  async rotateSecret(actor: Actor, id: string, body: Record<string, unknown>): Promise<WithSecret> {
    const rotated = await this.chatGateway.call<WithSecret>(
      'POST',
      `/v1/chat/channels/${encodeURIComponent(id)}/secret`,
      body,
    );
    await this.audit(actor, 'chat_channel_rotate_secret', id, null, {
      secretCount: rotated.channel.secretCount,
      keepPrevious: body.keepPrevious !== false,
    });
    return rotated;
  }

  private audit(actor: Actor, action: string, id: string, before: unknown, after: unknown) {
    return this.auditLog.recordSetting(actor.email, action, 'chat_channel', id, before, after, actor.shopId);
  }
}
