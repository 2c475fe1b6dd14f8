import { AuthRealm, invalidRequest, Realms, ZodBodyPipe } from '@draftdesk/platform';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
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
import { ActionsService, Expected } from './actions.service';
import * as dto from './dto/actions.dto';
import { etagOf, parseQueueFilter, QueueFilter, versionFromIfMatch } from './queue-filter.util';
import { QueueService } from './queue.service';

function expected(ifMatch: string | undefined, bodyVersion: number | undefined): Expected {
  const fromHeader = versionFromIfMatch(ifMatch);
  if (Number.isNaN(fromHeader))
    throw new BadRequestException({ code: 'BAD_IF_MATCH', message: 'If-Match must be an ETag from this API' });
  return fromHeader !== undefined
    ? { version: fromHeader, viaIfMatch: true }
    : { version: bodyVersion, viaIfMatch: false };
}

function parseFilter(query: Record<string, string>): QueueFilter {
  const parsed = parseQueueFilter(query);
  if (!parsed.ok) throw invalidRequest(parsed.errors);
  return parsed.filter;
}

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag of the item as seen; stale → 412' };

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

  @Post(':id/claim')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiZodBody(dto.versionOnlySchema)
  claim(
    @CurrentActor() a: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('if-match') im: string | undefined,
    @Body(new ZodBodyPipe(dto.versionOnlySchema)) b: { version?: number },
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, this.actions.claim(a, id, expected(im, b.version)));
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiZodBody(dto.versionOnlySchema)
  release(
    @CurrentActor() a: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('if-match') im: string | undefined,
    @Body(new ZodBodyPipe(dto.versionOnlySchema)) b: { version?: number },
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, this.actions.release(a, id, expected(im, b.version)));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve as is, or with an edited body (edit and approve); the reply is sent' })
  @ApiHeader(IF_MATCH)
  @ApiZodBody(dto.approveSchema)
  approve(
    @CurrentActor() a: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('if-match') im: string | undefined,
    @Body(new ZodBodyPipe(dto.approveSchema)) b: dto.ApproveDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, this.actions.approve(a, id, b, expected(im, b.version)));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiZodBody(dto.rejectSchema)
  reject(
    @CurrentActor() a: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('if-match') im: string | undefined,
    @Body(new ZodBodyPipe(dto.rejectSchema)) b: dto.RejectDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, this.actions.reject(a, id, b, expected(im, b.version)));
  }

  @Post(':id/redraft')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask for a new draft with an instruction (recorded in redraft_requests)' })
  @ApiHeader(IF_MATCH)
  @ApiZodBody(dto.redraftSchema)
  redraft(
    @CurrentActor() a: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('if-match') im: string | undefined,
    @Body(new ZodBodyPipe(dto.redraftSchema)) b: dto.RedraftDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, this.actions.redraft(a, id, b, expected(im, b.version)));
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiZodBody(dto.escalateSchema)
  escalate(
    @CurrentActor() a: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('if-match') im: string | undefined,
    @Body(new ZodBodyPipe(dto.escalateSchema)) b: dto.EscalateDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, this.actions.escalate(a, id, b, expected(im, b.version)));
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @MinRole('lead')
  @ApiHeader(IF_MATCH)
  @ApiZodBody(dto.reassignSchema)
  reassign(
    @CurrentActor() a: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('if-match') im: string | undefined,
    @Body(new ZodBodyPipe(dto.reassignSchema)) b: dto.ReassignDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, this.actions.reassign(a, id, b, expected(im, b.version)));
  }

  @Post(':id/snooze')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiZodBody(dto.snoozeSchema)
  snooze(
    @CurrentActor() a: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('if-match') im: string | undefined,
    @Body(new ZodBodyPipe(dto.snoozeSchema)) b: dto.SnoozeDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (new Date(b.until) <= new Date())
      throw new BadRequestException({ code: 'SNOOZE_IN_PAST', message: 'until must be in the future' });
    return withEtag(res, this.actions.snooze(a, id, b, expected(im, b.version)));
  }

  @Post(':id/triage-correction')
  @HttpCode(200)
  @ApiOperation({ summary: 'Correct intent, language or priority; stored in triage_corrections for training' })
  @ApiHeader(IF_MATCH)
  @ApiZodBody(dto.correctTriageSchema)
  correct(
    @CurrentActor() a: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('if-match') im: string | undefined,
    @Body(new ZodBodyPipe(dto.correctTriageSchema)) b: dto.CorrectTriageDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, this.actions.correctTriage(a, id, b, expected(im, b.version)));
  }

  @Post(':id/notes')
  @HttpCode(201)
  @ApiZodBody(dto.noteSchema)
  note(
    @CurrentActor() a: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodBodyPipe(dto.noteSchema)) b: dto.NoteDto,
  ) {
    return this.actions.note(a, id, b);
  }
}

async function withEtag<T extends { version: number }>(res: Response, result: Promise<T>): Promise<T> {
  const value = await result;
  res.setHeader('ETag', etagOf(value.version));
  return value;
}

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  shop: z.string().optional(),
});
