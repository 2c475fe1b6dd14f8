import { AuthRealm, invalidRequest, Realms, ZodBodyPipe } from '@draftdesk/platform';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { ApiZodBody } from '../api-body.util';
import { AuthGuard, CurrentActor, MinRole } from '../auth/auth.guard';
import type { Actor } from '../auth/principal';
import { ActionsService } from './actions.service';
import * as dto from './dto/actions.dto';
import { ItemAction, ItemVersion, VersionedItem } from './item-version.decorator';
import { etagOf, parseQueueFilter, QueueFilter } from './queue-filter.util';
import { QueueService } from './queue.service';

function parseFilter(query: Record<string, string>): QueueFilter {
  const parsed = parseQueueFilter(query);
  if (!parsed.ok) throw invalidRequest(parsed.errors);
  return parsed.filter;
}

/** The review queue: filters, counts, one item with its conversation, and every action an agent takes. */
@ApiTags('queue')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiHeader({ name: 'X-Shop-Id', required: false, description: 'the shop to act in (default: your only shop)' })
@Controller('v1/drafts')
@AuthRealm(Realms.review)
@UseGuards(AuthGuard)
export class QueueController {
  constructor(
    private readonly queue: QueueService,
    private readonly actions: ActionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The queue, soonest due first' })
  @ApiQuery({ name: 'status', required: false })
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, string>) {
    return { items: await this.queue.list(actor, parseFilter(query)) };
  }

  @Get('counts')
  @ApiOperation({
    summary: 'Counts per priority, intent, language, channel and mailbox; breached, mine, unassigned, escalated',
  })
  counts(@CurrentActor() actor: Actor, @Query() query: Record<string, string>) {
    return this.queue.counts(actor, parseFilter(query));
  }

  @Post('bulk-approve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve each draft of a selection as it is (items: id and version, up to 100) as the single approve does; per id ok or the error code',
  })
  @ApiZodBody(dto.bulkApproveSchema)
  bulkApprove(@CurrentActor() a: Actor, @Body(new ZodBodyPipe(dto.bulkApproveSchema)) b: dto.BulkApproveDto) {
    return this.actions.bulkApprove(a, b);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One item with the conversation, triage, reasons, citations, order facts and notes; ETag header',
  })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const detail = await this.queue.detail(actor, id);
    res.setHeader('ETag', etagOf(detail.item.version));
    return detail;
  }

  @Get(':id/audit')
  @ApiOperation({ summary: 'Who did what to this item, before and after' })
  async audit(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return { items: await this.queue.audit(actor, id) };
  }

  @ItemAction('claim')
  claim(@CurrentActor() a: Actor, @ItemVersion(dto.versionOnlySchema) item: VersionedItem<dto.VersionOnlyDto>) {
    return this.actions.claim(a, item.id, item.expected());
  }

  @ItemAction('release')
  release(@CurrentActor() a: Actor, @ItemVersion(dto.versionOnlySchema) item: VersionedItem<dto.VersionOnlyDto>) {
    return this.actions.release(a, item.id, item.expected());
  }

  @ItemAction('approve')
  @ApiOperation({
    summary:
      'Approve as is, or with an edited body (edit and approve); sent after the send delay (status sending) unless undone',
  })
  approve(@CurrentActor() a: Actor, @ItemVersion(dto.approveSchema) item: VersionedItem<dto.ApproveDto>) {
    return this.actions.approve(a, item.id, item.body, item.expected());
  }

  @ItemAction('undo')
  @ApiOperation({
    summary:
      'Call off an approval still waiting out the send delay: pending again with the approved text; 409 SEND_ALREADY_STARTED once sent',
  })
  undo(@CurrentActor() a: Actor, @ItemVersion(dto.versionOnlySchema) item: VersionedItem<dto.VersionOnlyDto>) {
    return this.actions.undo(a, item.id, item.expected());
  }

  @ItemAction('reject')
  @ApiOperation({
    summary: 'Reject the draft: close the item (with a close reason), or keep it to write the reply yourself',
  })
  reject(@CurrentActor() a: Actor, @ItemVersion(dto.rejectSchema) item: VersionedItem<dto.RejectDto>) {
    return this.actions.reject(a, item.id, item.body, item.expected());
  }

  @ItemAction('reply')
  @ApiOperation({
    summary: 'Send a reply the agent wrote, for an item without a usable draft or rejected to reply oneself',
  })
  reply(@CurrentActor() a: Actor, @ItemVersion(dto.writeReplySchema) item: VersionedItem<dto.WriteReplyDto>) {
    return this.actions.writeReply(a, item.id, item.body, item.expected());
  }

  @ItemAction('redraft')
  @ApiOperation({ summary: 'Ask for a new draft with an instruction (recorded in redraft_requests)' })
  redraft(@CurrentActor() a: Actor, @ItemVersion(dto.redraftSchema) item: VersionedItem<dto.RedraftDto>) {
    return this.actions.redraft(a, item.id, item.body, item.expected());
  }

  @ItemAction('escalate')
  escalate(@CurrentActor() a: Actor, @ItemVersion(dto.escalateSchema) item: VersionedItem<dto.EscalateDto>) {
    return this.actions.escalate(a, item.id, item.body, item.expected());
  }

  @ItemAction('hand-back')
  @MinRole('lead')
  @ApiOperation({
    summary: "Hand an escalated draft back to the agents (by default to whoever escalated it), with a lead's note",
  })
  handBack(@CurrentActor() a: Actor, @ItemVersion(dto.handBackSchema) item: VersionedItem<dto.HandBackDto>) {
    return this.actions.handBack(a, item.id, item.body, item.expected());
  }

  @ItemAction('reassign')
  @MinRole('lead')
  reassign(@CurrentActor() a: Actor, @ItemVersion(dto.reassignSchema) item: VersionedItem<dto.ReassignDto>) {
    return this.actions.reassign(a, item.id, item.body, item.expected());
  }

  @ItemAction('snooze')
  snooze(@CurrentActor() a: Actor, @ItemVersion(dto.snoozeSchema) item: VersionedItem<dto.SnoozeDto>) {
    if (new Date(item.body.until) <= new Date())
      throw new BadRequestException({ code: 'SNOOZE_IN_PAST', message: 'until must be in the future' });
    return this.actions.snooze(a, item.id, item.body, item.expected());
  }

  @ItemAction('triage-correction')
  @ApiOperation({ summary: 'Correct intent, language or priority; stored in triage_corrections for training' })
  correct(@CurrentActor() a: Actor, @ItemVersion(dto.correctTriageSchema) item: VersionedItem<dto.CorrectTriageDto>) {
    return this.actions.correctTriage(a, item.id, item.body, item.expected());
  }

  @Post(':id/notes')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'An internal note; `mentions` names colleagues of the shop (anyone else is a 400), who see it in /v1/mentions',
  })
  @ApiZodBody(dto.noteSchema)
  note(
    @CurrentActor() a: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodBodyPipe(dto.noteSchema)) b: dto.NoteDto,
  ) {
    return this.actions.note(a, id, b);
  }
}

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  shop: z.string().optional(),
});
