import { AuthRealm, invalidRequest, Realms, zodFieldErrors } from '@draftdesk/platform';
import { Controller, Get, MessageEvent, Query, Sse, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { AuthGuard, CurrentActor, MinRole } from '../auth/auth.guard';
import type { Actor } from '../auth/principal';
import { LiveEventsService } from '../live/live-events.service';
import { auditQuerySchema } from './queue.controller';
import { QueueService } from './queue.service';

@ApiTags('queue')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('v1')
@AuthRealm(Realms.review)
@UseGuards(AuthGuard)
export class AuditController {
  constructor(
    private readonly queue: QueueService,
    private readonly live: LiveEventsService,
  ) {}

  @Get('audit')
  @MinRole('lead')
  @ApiOperation({ summary: "The shop's audit log, newest first" })
  async audit(@CurrentActor() actor: Actor, @Query() query: Record<string, string>) {
    const parsed = auditQuerySchema.safeParse(query);
    if (!parsed.success) throw invalidRequest(zodFieldErrors(parsed.error));
    return { items: await this.queue.audit(actor, null, parsed.data.limit) };
  }

  @Sse('events')
  @ApiOperation({
    summary:
      'Server-sent events: arrived, claimed, released, updated, resolved, sla_breached, redrafted, superseded, noted, conversation (from every replica)',
  })
  events(@CurrentActor() actor: Actor): Observable<MessageEvent> {
    return this.live.forShop(actor.shopId) as Observable<MessageEvent>;
  }
}
