import { AuthRealm, Realms, ZodBodyPipe } from '@draftdesk/platform';
import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodBody } from '../api-body.util';
import { AuthGuard, CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/principal';
import { MentionsRepository } from './mentions.repository';

export const markReadSchema = z
  .object({
    noteIds: z
      .array(z.string().regex(/^\d{1,18}$/, 'must be a note id'))
      .min(1)
      .max(200),
  })
  .strict();
export type MarkReadDto = z.infer<typeof markReadSchema>;

/** Notes that mention the caller, and the colleagues a note may mention. */
@ApiTags('mentions')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('v1')
@AuthRealm(Realms.review)
@UseGuards(AuthGuard)
export class MentionsController {
  constructor(private readonly mentions: MentionsRepository) {}

  @Get('mentions')
  @ApiOperation({ summary: 'Your unread mentions in this shop, newest first, with how many there are' })
  async unread(@CurrentActor() actor: Actor) {
    const [items, unread] = await Promise.all([
      this.mentions.unread(actor.userId, actor.shopId),
      this.mentions.unreadCount(actor.userId, actor.shopId),
    ]);
    return { unread, items };
  }

  @Post('mentions/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks your mentions in these notes read; answers how many are still unread' })
  @ApiZodBody(markReadSchema)
  async markRead(@CurrentActor() actor: Actor, @Body(new ZodBodyPipe(markReadSchema)) dto: MarkReadDto) {
    const marked = await this.mentions.markRead(actor.userId, actor.shopId, dto.noteIds);
    return { marked, unread: await this.mentions.unreadCount(actor.userId, actor.shopId) };
  }

  @Get('colleagues')
  @ApiOperation({ summary: 'Everyone with a role in this shop (id, email, name): whom a note may mention' })
  async colleagues(@CurrentActor() actor: Actor) {
    return { items: await this.mentions.colleagues(actor.shopId) };
  }
}
