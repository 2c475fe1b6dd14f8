import { AuthRealm, Realms, ZodBodyPipe } from '@draftdesk/platform';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { z } from 'zod';
import { channelConfigSchema, describeChannel } from './channel.types';
import { ChannelsService } from './channels.service';

// The id comes from the path; the body holds the rest of the channel.
const putChannelSchema = z.record(z.string(), z.unknown());

/** Channel administration; needs CHAT_ADMIN_TOKEN and is closed while it is unset. */
@Controller('v1/chat/channels')
@AuthRealm(Realms.chatAdmin)
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  async list() {
    return { items: (await this.channels.list()).map(describeChannel) };
  }

  /** Creates or replaces a channel; secrets are sealed before they reach the database and are never returned. */
  @Put(':channelId')
  async put(
    @Param('channelId') channelId: string,
    @Body(new ZodBodyPipe(putChannelSchema)) body: Record<string, unknown>,
  ) {
    const channel = new ZodBodyPipe(channelConfigSchema).transform({ ...body, id: channelId });
    return describeChannel(await this.channels.upsert(channel));
  }
}
