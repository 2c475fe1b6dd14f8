import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/principal';
import { AuditLogRepository } from '../drafts/audit-log.repository';
import { REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { ShopSettingsRow, ShopsRepository } from '../sla/shops.repository';
import type { UpdateShopSettingsDto } from './dto/shop-settings.dto';
import { shopNotFound } from './settings.exception';

/** A shop's hours, SLA targets and send delay as the settings page shows them, and their changes (audited). */
@Injectable()
export class ShopSettingsService {
  constructor(
    private readonly shops: ShopsRepository,
    private readonly auditLog: AuditLogRepository,
    @Inject(REVIEW_OPTIONS) private readonly options: ReviewOptions,
  ) {}

  async get(actor: Actor) {
    const shop = await this.shops.settings(actor.shopId);
    if (!shop) throw shopNotFound(actor.shopId);
    return this.view(shop);
  }

  async update(actor: Actor, change: UpdateShopSettingsDto) {
    const changed = await this.shops.updateSettings(actor.shopId, change);
    if (!changed) throw shopNotFound(actor.shopId);
    await this.auditLog.recordSetting(
      actor.email,
      'shop_settings_update',
      'shop',
      actor.shopId,
      changed.before,
      changed.after,
      actor.shopId,
    );
    return this.view(changed.after);
  }

  private view(shop: ShopSettingsRow) {
    return {
      shopId: shop.id,
      name: shop.name,
      sendDelaySeconds: shop.sendDelaySeconds,
      // What a null send delay means: the desk's configured default, as the approval reads it.
      defaultSendDelaySeconds: this.options.sendDelaySeconds ?? 0,
      businessHours: shop.businessHours,
      sla: shop.sla,
    };
  }
}
