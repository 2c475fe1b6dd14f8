import { AuthRealm, Realms, ZodBodyPipe } from '@draftdesk/platform';
import { Body, Controller, Get, Patch, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody } from '../api-body.util';
import { AuthGuard, CurrentActor, MinRole } from '../auth/auth.guard';
import type { Actor } from '../auth/principal';
import { UpdateShopSettingsDto, updateShopSettingsSchema } from './dto/shop-settings.dto';
import { ShopSettingsService } from './shop-settings.service';

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
  constructor(private readonly settings: ShopSettingsService) {}

  @Get()
  @MinRole('lead')
  @ApiOperation({ summary: "The shop's business hours, SLA targets (minutes of business time) and send delay" })
  get(@CurrentActor() actor: Actor) {
    return this.settings.get(actor);
  }

  @Patch()
  @MinRole('admin')
  @ApiOperation({
    summary:
      'Changes the business hours, SLA targets or send delay (null: the desk default); new due times follow them, existing ones stay',
  })
  @ApiZodBody(updateShopSettingsSchema)
  update(@CurrentActor() actor: Actor, @Body(new ZodBodyPipe(updateShopSettingsSchema)) change: UpdateShopSettingsDto) {
    return this.settings.update(actor, change);
  }
}
