import { AuthRealm, Realms, ZodBodyPipe } from '@draftdesk/platform';
import { Body, Controller, Get, Inject, NotFoundException, Patch, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody } from '../api-body.util';
import { AuthGuard, CurrentActor, MinRole } from '../auth/auth.guard';
import type { Actor } from '../auth/principal';
import { AuditLogRepository } from '../drafts/audit-log.repository';
import { REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { ShopSettingsRow, ShopsRepository } from '../sla/shops.repository';
import { UpdateShopSettingsDto, updateShopSettingsSchema } from './dto/shop-settings.dto';

const shopNotFound = (id: string) =>
  new NotFoundException({ code: 'SHOP_NOT_FOUND', message: `shop ${id} not found`, errors: [] });

/**
 * What the desk keeps per shop: opening hours and SLA targets (the due time of new items), and the send delay during
 * which an approval can be undone. Leads read them; admins change them.
 */
@ApiTags('settings')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiHeader({ name: 'X-Shop-Id', required: false, description: 'the shop to act in (default: your only shop)' })
@Controller('v1/shop/settings')
@AuthRealm(Realms.review)
@UseGuards(AuthGuard)
export class ShopSettingsController {
  constructor(
    private readonly shops: ShopsRepository,
    private readonly auditLog: AuditLogRepository,
    @Inject(REVIEW_OPTIONS) private readonly options: ReviewOptions,
  ) {}

  @Get()
  @MinRole('lead')
  @ApiOperation({ summary: "The shop's business hours, SLA targets (minutes of business time) and send delay" })
  async get(@CurrentActor() actor: Actor) {
    const shop = await this.shops.settings(actor.shopId);
    if (!shop) throw shopNotFound(actor.shopId);
    return this.view(shop);
  }

  @Patch()
  @MinRole('admin')
  @ApiOperation({
    summary:
      'Changes the business hours, SLA targets or send delay (null: the desk default); new due times follow them, existing ones stay',
  })
  @ApiZodBody(updateShopSettingsSchema)
  async update(
    @CurrentActor() actor: Actor,
    @Body(new ZodBodyPipe(updateShopSettingsSchema)) change: UpdateShopSettingsDto,
  ) {
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
      defaultSendDelaySeconds: this.options.sendDelaySeconds ?? 0,
      businessHours: shop.businessHours,
      sla: shop.sla,
    };
  }
}
