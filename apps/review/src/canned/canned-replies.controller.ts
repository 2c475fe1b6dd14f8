import { AuthRealm, invalidRequest, Realms, ZodBodyPipe, zodFieldErrors } from '@draftdesk/platform';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiZodBody } from '../api-body.util';
import { AuthGuard, CurrentActor, CurrentPrincipal, MinRole } from '../auth/auth.guard';
import type { Actor, Principal } from '../auth/principal';
import { CannedRepliesService } from './canned-replies.service';
import { PLACEHOLDERS } from './canned-placeholders.util';
import * as dto from './dto/canned-reply.dto';

/** Canned replies: every agent lists and inserts them; leads and admins write them. */
@ApiTags('canned replies')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiHeader({ name: 'X-Shop-Id', required: false, description: 'the shop to act in (default: your only shop)' })
@Controller('v1')
@AuthRealm(Realms.review)
@UseGuards(AuthGuard)
export class CannedRepliesController {
  constructor(private readonly canned: CannedRepliesService) {}

  @Get('canned-replies')
  @ApiOperation({ summary: "The shop's canned replies, by language and title; `q` searches title and text" })
  @ApiQuery({ name: 'language', required: false })
  @ApiQuery({ name: 'q', required: false })
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, string>) {
    const parsed = dto.cannedReplyQuerySchema.safeParse(query);
    if (!parsed.success) throw invalidRequest(zodFieldErrors(parsed.error));
    return { items: await this.canned.list(actor, parsed.data), placeholders: PLACEHOLDERS };
  }

  @Get('canned-replies/:id')
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.canned.get(actor, id);
  }

  @Post('canned-replies')
  @MinRole('lead')
  @ApiOperation({ summary: 'Adds a canned reply; 400 names an unknown placeholder, 409 a title already used' })
  @ApiZodBody(dto.createCannedReplySchema)
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodBodyPipe(dto.createCannedReplySchema)) body: dto.CreateCannedReplyDto,
  ) {
    return this.canned.create(actor, body);
  }

  @Patch('canned-replies/:id')
  @MinRole('lead')
  @ApiOperation({ summary: 'Changes the language, title or text of a canned reply' })
  @ApiZodBody(dto.updateCannedReplySchema)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodBodyPipe(dto.updateCannedReplySchema)) body: dto.UpdateCannedReplyDto,
  ) {
    return this.canned.update(actor, id, body);
  }

  @Delete('canned-replies/:id')
  @MinRole('lead')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    await this.canned.delete(actor, id);
  }

  @Post('drafts/:id/canned/:cannedId/render')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The canned reply filled in for this draft (customer, order, agent); a placeholder without a value stays as written and is listed in `missing`',
  })
  render(
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) draftId: string,
    @Param('cannedId', new ParseUUIDPipe()) cannedId: string,
  ) {
    return this.canned.render(actor, principal.name, draftId, cannedId);
  }
}
