import { AuthRealm, invalidRequest, Realms, ZodBodyPipe, zodFieldErrors } from '@draftdesk/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiZodBody } from '../api-body.util';
import { AuthGuard, CurrentActor, MinRole } from '../auth/auth.guard';
import type { Actor } from '../auth/principal';
import * as dto from './dto/kb-article.dto';
import { kbArticleNotFound } from './kb.exception';
import { KbArticlesService } from './kb-articles.service';

/**
 * The knowledge base the drafter cites, for the desk: every agent opens an article a draft cites; leads and admins
 * keep the articles in the settings. (The drafter's own /v1/kb API is for integrations with KB_API_TOKEN.)
 */
@ApiTags('knowledge base')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('v1/knowledge')
@AuthRealm(Realms.review)
@UseGuards(AuthGuard)
export class KbArticlesController {
  constructor(private readonly kb: KbArticlesService) {}

  @Get('articles')
  @ApiOperation({
    summary:
      'Articles by language and id; `q` searches id, title and text. `folderArticles`: how many articles of the shop folder drafts use while there are none here',
  })
  @ApiQuery({ name: 'language', required: false })
  @ApiQuery({ name: 'q', required: false })
  async list(@Query() query: Record<string, string>) {
    const parsed = dto.kbArticleQuerySchema.safeParse(query);
    if (!parsed.success) throw invalidRequest(zodFieldErrors(parsed.error));
    return this.kb.list(parsed.data);
  }

  @Get('articles/:id')
  @ApiOperation({ summary: 'One article, as a draft cites it; 404 when it is gone' })
  get(@Param('id') id: string) {
    if (!dto.kbArticleIdSchema.safeParse(id).success) throw kbArticleNotFound(id);
    return this.kb.get(id);
  }

  @Post('articles')
  @MinRole('lead')
  @ApiOperation({ summary: 'Adds an article (id from language and title unless given); 409 when the id is used' })
  @ApiZodBody(dto.createKbArticleSchema)
  create(@CurrentActor() actor: Actor, @Body(new ZodBodyPipe(dto.createKbArticleSchema)) body: dto.CreateKbArticleDto) {
    return this.kb.create(actor, body);
  }

  @Put('articles/:id')
  @MinRole('lead')
  @ApiOperation({ summary: "Replaces an article's language, title, text, tags and address" })
  @ApiZodBody(dto.updateKbArticleSchema)
  update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body(new ZodBodyPipe(dto.updateKbArticleSchema)) body: dto.UpdateKbArticleDto,
  ) {
    return this.kb.update(actor, id, body);
  }

  @Delete('articles/:id')
  @MinRole('lead')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string) {
    await this.kb.delete(actor, id);
  }
}
