import { AuthRealm, invalidRequest, Realms, ZodBodyPipe } from '@draftdesk/platform';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  PipeTransform,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AuthGuard, CurrentActor, MinRole } from '../auth/auth.guard';
import type { Actor } from '../auth/principal';
import { ChatChannelSettingsService } from './chat-channel-settings.service';
import { MailboxSettingsService } from './mailbox-settings.service';

// The owning service validates every field (and names it in its 400); the desk only insists on a JSON object.
const anyObject = new ZodBodyPipe(z.record(z.string(), z.unknown()));

/** A chat channel id as chat-gateway accepts it; anything else never leaves the desk. */
class ChannelIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(value))
      throw invalidRequest([
        { field: 'channelId', message: 'must be 1–64 letters, digits, dots, dashes or underscores' },
      ]);
    return value;
  }
}

/**
 * The mailboxes mail-ingest watches, from the settings page. Leads see them; admins add, change, pause, remove and
 * test them. Passwords and tokens go in and never come out ("(set)").
 */
@ApiTags('settings')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('v1/settings/mailboxes')
@AuthRealm(Realms.review)
@UseGuards(AuthGuard)
export class MailboxSettingsController {
  constructor(private readonly mailboxes: MailboxSettingsService) {}

  @Get()
  @MinRole('lead')
  @ApiOperation({
    summary: 'The mailboxes mail-ingest watches (never a password); connected false when the desk cannot reach it',
  })
  list() {
    return this.mailboxes.list();
  }

  @Post()
  @MinRole('admin')
  @ApiOperation({ summary: 'Adds a mailbox (mail-ingest starts watching it within seconds)' })
  create(@CurrentActor() actor: Actor, @Body(anyObject) body: Record<string, unknown>) {
    return this.mailboxes.create(actor, body);
  }

  @Post('test')
  @HttpCode(200)
  @MinRole('admin')
  @ApiOperation({ summary: 'Connects, signs in and opens the folder with these settings; saves nothing (≤ 10 s)' })
  test(@Body(anyObject) body: Record<string, unknown>) {
    return this.mailboxes.test(body);
  }

  @Post(':id/test')
  @HttpCode(200)
  @MinRole('admin')
  @ApiOperation({
    summary: 'Tests a stored mailbox with these changes and its stored password unless a new one is given',
  })
  testStored(@Param('id', ParseUUIDPipe) id: string, @Body(anyObject) body: Record<string, unknown>) {
    return this.mailboxes.testStored(id, body);
  }

  @Patch(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Changes a mailbox (paused: true disables it); auth replaces the credentials' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(anyObject) body: Record<string, unknown>,
  ) {
    return this.mailboxes.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @MinRole('admin')
  @ApiOperation({ summary: 'Removes a mailbox; mail already imported stays' })
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.mailboxes.remove(actor, id);
  }
}

/** Chat channels (chat-gateway), from the settings page: leads see them; admins add them and rotate secrets. */
@ApiTags('settings')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('v1/settings/chat-channels')
@AuthRealm(Realms.review)
@UseGuards(AuthGuard)
export class ChatChannelSettingsController {
  constructor(private readonly channels: ChatChannelSettingsService) {}

  @Get()
  @MinRole('lead')
  @ApiOperation({ summary: 'The chat channels (never a secret, only how many are accepted)' })
  list() {
    return this.channels.list();
  }

  @Post()
  @MinRole('admin')
  @ApiOperation({ summary: 'Adds a generic chat channel; its signing secret is in this answer only' })
  create(@CurrentActor() actor: Actor, @Body(anyObject) body: Record<string, unknown>) {
    return this.channels.create(actor, body);
  }

  @Post(':channelId/secret')
  @HttpCode(200)
  @MinRole('admin')
  @ApiOperation({
    summary: 'A new signing secret, in this answer only; the previous one stays valid unless keepPrevious is false',
  })
  rotateSecret(
    @CurrentActor() actor: Actor,
    @Param('channelId', ChannelIdPipe) channelId: string,
    @Body(anyObject) body: Record<string, unknown>,
  ) {
    return this.channels.rotateSecret(actor, channelId, body);
  }
}
