import { AuthRealm, Realms, ZodBodyPipe } from '@draftdesk/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { MailboxesService } from '../imap/mailboxes.service';
import { MailboxStore } from './mailbox-store.service';
import { MailboxTester } from './mailbox-tester.service';
import {
  CreateMailbox,
  createMailboxSchema,
  describeMailbox,
  MailboxRow,
  PatchMailbox,
  patchMailboxSchema,
  TestMailbox,
  testMailboxSchema,
} from './mailbox.types';

/** Mailboxes beside the one from the environment; running watchers follow within MAILBOX_RECONCILE_SECONDS. */
@Controller('v1/mailboxes')
@AuthRealm(Realms.mailAdmin)
export class MailboxesController {
  constructor(
    private readonly store: MailboxStore,
    private readonly mailboxes: MailboxesService,
    private readonly tester: MailboxTester,
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

  /** Connects with these settings (nothing is saved): 200 with ok true, or ok false and the reason in words. */
  @Post('test')
  @HttpCode(200)
  test(@Body(new ZodBodyPipe(testMailboxSchema)) body: TestMailbox) {
    return this.tester.test(body);
  }

  /** Connects with a stored mailbox's settings and these changes (nothing is saved); its stored credentials unless `auth` is given. */
  @Post(':id/test')
  @HttpCode(200)
  testStored(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodBodyPipe(patchMailboxSchema)) body: PatchMailbox) {
    return this.tester.testStored(id, body);
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
