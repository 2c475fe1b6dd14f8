import { bearerTokenMatches, ZodBodyPipe } from '@draftdesk/platform';
import { Body, CanActivate, Controller, ExecutionContext, Get, Inject, Injectable, NotFoundException, Param, Put, UnauthorizedException, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { CHAT_GATEWAY_OPTIONS, ChatGatewayOptions } from '../chat-gateway.options';
import { channelConfigSchema, describeChannel } from './channel.types';
import { ChannelsService } from './channels.service';

/** The admin API exists only when CHAT_ADMIN_TOKEN is set; then it needs "Authorization: Bearer <token>". */
@Injectable()
export class ChannelAdminGuard implements CanActivate {
  constructor(@Inject(CHAT_GATEWAY_OPTIONS) private readonly options: ChatGatewayOptions) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.options.adminToken) throw new NotFoundException();
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers.authorization;
    if (!bearerTokenMatches(header, this.options.adminToken)) throw new UnauthorizedException({ code: 'ADMIN_TOKEN_INVALID', message: 'bearer token required' });
    return true;
  }
}

// The id comes from the path; the body holds the rest of the channel.
const putChannelSchema = z.record(z.string(), z.unknown());

@Controller('v1/chat/channels')
@UseGuards(ChannelAdminGuard)
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  async list() {
    return { items: (await this.channels.list()).map(describeChannel) };
  }

  /** Creates or replaces a channel; secrets are sealed before they reach the database and are never returned. */
  @Put(':channelId')
  async put(@Param('channelId') channelId: string, @Body(new ZodBodyPipe(putChannelSchema)) body: Record<string, unknown>) {
    const channel = new ZodBodyPipe(channelConfigSchema).transform({ ...body, id: channelId });
    return describeChannel(await this.channels.upsert(channel));
  }
}
