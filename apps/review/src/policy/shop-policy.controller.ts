import { AuthRealm, Realms } from '@draftdesk/platform';
import { deskPolicySchema, type ShopPolicy } from '@draftdesk/shop';
import { Body, Controller, Get, HttpCode, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody } from '../api-body.util';
import { AuthGuard, CurrentActor, MinRole } from '../auth/auth.guard';
import type { Actor } from '../auth/principal';
import { PolicyBodyPipe } from './policy-body.pipe';
import { ShopPolicyService } from './shop-policy.service';

/**
 * The shop's policy (what may be sent without a person) as the settings page edits it. A saved policy wins over the
 * shop folder's policy.yaml and decides the next draft. Leads read it and preview changes; admins save.
 */
@ApiTags('settings')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiHeader({ name: 'X-Shop-Id', required: false, description: 'the shop to act in (default: your only shop)' })
@Controller('v1/shop/policy')
@AuthRealm(Realms.review)
@UseGuards(AuthGuard)
export class ShopPolicyController {
  constructor(private readonly policies: ShopPolicyService) {}

  @Get()
  @MinRole('lead')
  @ApiOperation({ summary: 'The policy in force and where it comes from: `desk` (saved here) or `file` (policy.yaml)' })
  get(@CurrentActor() actor: Actor) {
    return this.policies.get(actor);
  }

  @Put()
  @MinRole('admin')
  @ApiOperation({ summary: 'Saves a new version of the policy (the schema of policy.yaml); the next draft follows it' })
  @ApiZodBody(deskPolicySchema)
  save(@CurrentActor() actor: Actor, @Body(new PolicyBodyPipe()) policy: ShopPolicy) {
    return this.policies.save(actor, policy);
  }

  @Post('preview')
  @HttpCode(200)
  @MinRole('lead')
  @ApiOperation({
    summary: `What a candidate policy would have decided on the shop's last 100 drafted messages, beside what was decided`,
  })
  @ApiZodBody(deskPolicySchema)
  preview(@CurrentActor() actor: Actor, @Body(new PolicyBodyPipe()) policy: ShopPolicy) {
    return this.policies.preview(actor, policy);
  }
}
