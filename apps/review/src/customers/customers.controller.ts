import { AuthRealm, Realms } from '@draftdesk/platform';
import { Controller, Get, Param, ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthGuard, CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/principal';
import { CustomersService } from './customers.service';

/** The customer panel beside a draft: the customer, their conversations in this shop, their orders. */
@ApiTags('customers')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiHeader({ name: 'X-Shop-Id', required: false, description: 'the shop to act in (default: your only shop)' })
@Controller('v1')
@AuthRealm(Realms.review)
@UseGuards(AuthGuard)
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get('customers/:customerId')
  @ApiOperation({
    summary:
      "A customer of the shop: name and address, every conversation of theirs in the shop's queue, and their orders from the shop's order source; 404 for another shop's customer",
  })
  customer(@CurrentActor() actor: Actor, @Param('customerId', new ParseUUIDPipe()) customerId: string) {
    return this.customers.panel(actor, customerId);
  }

  @Get('drafts/:id/customer')
  @ApiOperation({ summary: 'The customer panel of the customer a draft answers; their current conversation marked' })
  ofDraft(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.customers.ofDraft(actor, id);
  }
}
