import { AuthRealm, Realms, ZodBodyPipe } from '@draftdesk/platform';
import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Put,
  UnprocessableEntityException,
} from '@nestjs/common';
import { z } from 'zod';
import { channelConfigSchema, describeChannel, NewGenericChannel, newGenericChannelSchema } from './channel.types';
import { ChannelsService, NotGenericChannelError } from './channels.service';

// The id comes from the path; the body holds the rest of the channel.
const putChannelSchema = z.record(z.string(), z.unknown());
const rotateSecretSchema = z.object({ keepPrevious: z.boolean().default(true) }).strict();

const notFound = (id: string) =>
  new NotFoundException({ code: 'CHANNEL_NOT_FOUND', message: `no chat channel ${id}`, errors: [] });

/** Channel administration; needs CHAT_ADMIN_TOKEN and is closed while it is unset. */
@Controller('v1/chat/channels')
@AuthRealm(Realms.chatAdmin)
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  async list() {
    return { items: (await this.channels.list()).map(describeChannel) };
  }

  /** A new generic channel; its signing secret is made here and is in this answer only (`secret`). */
  @Post()
  async create(@Body(new ZodBodyPipe(newGenericChannelSchema)) body: NewGenericChannel) {
    const made = await this.channels.create(body);
    if (!made)
      throw new ConflictException({
        code: 'CHANNEL_EXISTS',
        message: `a chat channel ${body.id} exists`,
        errors: [{ field: 'id', message: 'is taken' }],
      });
    return { channel: describeChannel(made.channel), secret: made.secret };
  }

  /** A new signing secret for a generic channel, in this answer only; the previous one stays valid unless told. */
  @Post(':channelId/secret')
  @HttpCode(200)
  async rotateSecret(
    @Param('channelId') channelId: string,
    @Body(new ZodBodyPipe(rotateSecretSchema)) body: z.infer<typeof rotateSecretSchema>,
  ) {
    try {
      const rotated = await this.channels.rotateSecret(channelId, body.keepPrevious);
      if (!rotated) throw notFound(channelId);
      return { channel: describeChannel(rotated.channel), secret: rotated.secret };
    } catch (error) {
      if (error instanceof NotGenericChannelError)
        throw new UnprocessableEntityException({ code: 'CHANNEL_NOT_GENERIC', message: error.message, errors: [] });
      throw error;
    }
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
