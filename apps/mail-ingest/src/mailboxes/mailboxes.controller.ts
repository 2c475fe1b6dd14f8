import { AuthRealm, Realms, ZodBodyPipe } from '@draftdesk/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { MailboxesService } from '../imap/mailboxes.service';
import { MailboxStore } from './mailbox-store.service';
import {
  CreateMailbox,
  createMailboxSchema,
  describeMailbox,
  MailboxRow,
  PatchMailbox,
  patchMailboxSchema,
} from './mailbox.types';

/** Mailboxes beside the one from the environment; running watchers follow within MAILBOX_RECONCILE_SECONDS. */
@Controller('v1/mailboxes')
@AuthRealm(Realms.mailAdmin)
export class MailboxesController {
  constructor(
    private readonly store: MailboxStore,
    private readonly mailboxes: MailboxesService,
  ) {}

  @Get()
  async list() {
    return { items: (await this.store.list()).map((row) => this.describe(row)) };
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return this.describe(await this.store.get(id));
  }

  @Post()
  async create(@Body(new ZodBodyPipe(createMailboxSchema)) body: CreateMailbox) {
    const row = await this.store.create(body);
    this.mailboxes.reconcileSoon();
    return this.describe(row);
  }

  @Patch(':id')
  async update(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodBodyPipe(patchMailboxSchema)) body: PatchMailbox) {
    const row = await this.store.update(id, body);
    this.mailboxes.reconcileSoon();
    return this.describe(row);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string) {
    await this.store.remove(id);
    this.mailboxes.reconcileSoon();
  }

  private describe(row: MailboxRow) {
    return describeMailbox(row, this.mailboxes.liveStatus(row.id) ?? undefined);
  }
}
