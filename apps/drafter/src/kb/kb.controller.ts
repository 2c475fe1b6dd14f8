import { AuthRealm, Realms, ZodBodyPipe } from '@draftdesk/platform';
import {
  Body,
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { DraftsService } from '../drafts/drafts.service';
import {
  KbEntryBody,
  kbEntryBodySchema,
  KbEntryUpdate,
  kbEntryUpdateSchema,
  KbListQuery,
  kbListSchema,
  KbSearchQuery,
  kbSearchSchema,
} from './kb.dto';

/**
 * The shop's knowledge base: articles, macros and policies, and the same search the drafter uses. Drafts cite and
 * may auto-send what is written here, so reading and writing need KB_API_TOKEN (embedded: a review desk sign-in).
 */
@Controller('v1/kb')
@AuthRealm(Realms.kb)
export class KbController {
  constructor(private readonly drafts: DraftsService) {}

  private get shopId(): string {
    return this.drafts.shop.shop.id;
  }

  // Query strings are validated like bodies, so a 400 has the same `errors[]` naming each field.
  @Get('articles')
  async list(@Query(new ZodBodyPipe(kbListSchema)) query: KbListQuery) {
    return { items: await this.drafts.kb.list(this.shopId, query) };
  }

  @Get('articles/:id')
  async get(@Param('id') id: string) {
    const entry = await this.drafts.kb.get(this.shopId, id);
    if (!entry) throw new NotFoundException(`no knowledge base entry "${id}"`);
    return entry;
  }

  @Post('articles')
  @HttpCode(201)
  async create(@Body(new ZodBodyPipe(kbEntryBodySchema)) body: KbEntryBody) {
    if (await this.drafts.kb.get(this.shopId, body.id))
      throw new ConflictException(`entry "${body.id}" exists; use PUT to replace it`);
    await this.drafts.kb.upsert({ ...body, shopId: this.shopId });
    this.drafts.knowledge.forget(this.shopId);
    return this.drafts.kb.get(this.shopId, body.id);
  }

  @Put('articles/:id')
  async replace(@Param('id') id: string, @Body(new ZodBodyPipe(kbEntryUpdateSchema)) body: KbEntryUpdate) {
    await this.drafts.kb.upsert({ ...body, id, shopId: this.shopId });
    this.drafts.knowledge.forget(this.shopId);
    return this.drafts.kb.get(this.shopId, id);
  }

  @Delete('articles/:id')
  @HttpCode(204)
  async remove(@Param('id') id: string) {
    if (!(await this.drafts.kb.remove(this.shopId, id))) throw new NotFoundException(`no knowledge base entry "${id}"`);
    this.drafts.knowledge.forget(this.shopId);
  }

  @Get('search')
  async search(@Query(new ZodBodyPipe(kbSearchSchema)) q: KbSearchQuery) {
    return { items: await this.drafts.kb.search(this.shopId, q.lang, q.q, { intent: q.intent, limit: q.limit }) };
  }
}
