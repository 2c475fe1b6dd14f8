import { AuthRealm, Realms } from '@draftdesk/platform';
import {
  Controller,
  DefaultValuePipe,
  Get,
  NotFoundException,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Query,
} from '@nestjs/common';
import { ConversationsService } from './conversations.service';

/** Customers' names, addresses and messages: readable with REVIEW_API_TOKEN (embedded: any review desk sign-in). */
@Controller('v1/conversations')
@AuthRealm(Realms.conversations)
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  list(
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
  ) {
    return this.conversations.list(Math.min(Math.max(limit, 1), 200), Math.max(offset, 0));
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const conversation = await this.conversations.get(id);
    if (!conversation) throw new NotFoundException(`conversation ${id} not found`);
    return conversation;
  }
}
