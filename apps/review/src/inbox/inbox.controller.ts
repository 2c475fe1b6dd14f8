import { AuthRealm, invalidRequest, Realms, ZodBodyPipe } from '@draftdesk/platform';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodBody } from '../api-body.util';
import { AuthGuard, CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/principal';
import * as dto from './dto/inbox-actions.dto';
import { inboxCountsSchema, inboxQuerySchema, parseWith } from './inbox-query.util';
import { InboxService } from './inbox.service';

function parse<S extends z.ZodTypeAny>(schema: S, query: Record<string, unknown>): z.infer<S> {
  const parsed = parseWith(schema, query);
  if (!parsed.ok) throw invalidRequest(parsed.errors);
  return parsed.value;
}

const conversationId = () => new ParseUUIDPipe();

/** The inbox of conversations: every conversation of the shop, not only those with a draft, and what agents decide. */
@ApiTags('inbox')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiHeader({ name: 'X-Shop-Id', required: false, description: 'the shop to act in (default: your only shop)' })
@Controller('v1/inbox')
@AuthRealm(Realms.review)
@UseGuards(AuthGuard)
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({
    summary:
      'Conversations, newest activity first: view (all, mine, unassigned, escalated), filters, search (q), keyset paging (cursor, limit ≤ 100)',
  })
  @ApiQuery({ name: 'view', required: false, enum: ['all', 'mine', 'unassigned', 'escalated'] })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'pending_draft', 'waiting', 'snoozed', 'closed'] })
  @ApiQuery({ name: 'q', required: false, description: 'words of the messages, or the start of an address or name' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false })
  list(@CurrentActor() actor: Actor, @Query() query: Record<string, string>) {
    return this.inbox.list(actor, parse(inboxQuerySchema, query));
  }

  @Get('counts')
  @ApiOperation({ summary: 'For each view, the conversations in each status (with the same filters and search)' })
  counts(@CurrentActor() actor: Actor, @Query() query: Record<string, string>) {
    return this.inbox.counts(actor, parse(inboxCountsSchema, query));
  }

  @Get('people')
  @ApiOperation({ summary: "The shop's people a conversation can be assigned to" })
  async people(@CurrentActor() actor: Actor) {
    return { items: await this.inbox.people(actor) };
  }

  @Post('bulk-assign')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Assign each conversation of a selection (ids, up to 100) as the single assign does; per id ok or the error code',
  })
  @ApiZodBody(dto.bulkAssignSchema)
  bulkAssign(@CurrentActor() actor: Actor, @Body(new ZodBodyPipe(dto.bulkAssignSchema)) body: dto.BulkAssignDto) {
    return this.inbox.bulkAssign(actor, body);
  }

  @Post('bulk-close')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close each conversation of a selection (ids, up to 100) with one reason; per id ok or the error code',
  })
  @ApiZodBody(dto.bulkCloseSchema)
  bulkClose(@CurrentActor() actor: Actor, @Body(new ZodBodyPipe(dto.bulkCloseSchema)) body: dto.BulkCloseDto) {
    return this.inbox.bulkClose(actor, body);
  }

  @Get(':conversationId')
  @ApiOperation({ summary: 'One conversation: its whole thread, status, assignee and pending draft' })
  detail(@CurrentActor() actor: Actor, @Param('conversationId', conversationId()) id: string) {
    return this.inbox.detail(actor, id);
  }

  @Post(':conversationId/assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take the conversation (assigneeId: yourself), leave it (null), or give it (lead)' })
  @ApiZodBody(dto.assignSchema)
  assign(
    @CurrentActor() actor: Actor,
    @Param('conversationId', conversationId()) id: string,
    @Body(new ZodBodyPipe(dto.assignSchema)) body: dto.AssignDto,
  ) {
    return this.inbox.assign(actor, id, body);
  }

  @Post(':conversationId/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close with a reason; the customer writing again opens it again' })
  @ApiZodBody(dto.closeSchema)
  close(
    @CurrentActor() actor: Actor,
    @Param('conversationId', conversationId()) id: string,
    @Body(new ZodBodyPipe(dto.closeSchema)) body: dto.CloseDto,
  ) {
    return this.inbox.close(actor, id, body);
  }

  @Post(':conversationId/reopen')
  @HttpCode(200)
  @ApiZodBody(dto.reopenSchema)
  reopen(
    @CurrentActor() actor: Actor,
    @Param('conversationId', conversationId()) id: string,
    @Body(new ZodBodyPipe(dto.reopenSchema)) _body: object,
  ) {
    return this.inbox.reopen(actor, id);
  }

  @Post(':conversationId/snooze')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hide the conversation from open until a time in the future' })
  @ApiZodBody(dto.snoozeConversationSchema)
  snooze(
    @CurrentActor() actor: Actor,
    @Param('conversationId', conversationId()) id: string,
    @Body(new ZodBodyPipe(dto.snoozeConversationSchema)) body: dto.SnoozeConversationDto,
  ) {
    return this.inbox.snooze(actor, id, body);
  }
}
