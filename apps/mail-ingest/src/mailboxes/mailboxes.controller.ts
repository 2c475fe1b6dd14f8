import { bearerTokenMatches, ZodBodyPipe } from '@draftdesk/platform';
import {
  Body,
  CanActivate,
  Controller,
  Delete,
  ExecutionContext,
  Get,
  HttpCode,
  Inject,
  Injectable,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { MailboxesService } from '../imap/mailboxes.service';
import { MAIL_INGEST_OPTIONS, MailIngestOptions } from '../ingest/mail-ingest.options';
import { MailboxStore } from './mailbox-store.service';
import { CreateMailbox, createMailboxSchema, describeMailbox, MailboxRow, PatchMailbox, patchMailboxSchema } from './mailbox.types';

/** The mailbox API exists only when MAIL_ADMIN_TOKEN (and the key sealing credentials) is set. */
@Injectable()
export class MailAdminGuard implements CanActivate {
  constructor(@Inject(MAIL_INGEST_OPTIONS) private readonly options: MailIngestOptions) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.options.adminToken || !this.options.secretsKey) throw new NotFoundException();
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers.authorization;
    if (!bearerTokenMatches(header, this.options.adminToken)) throw new UnauthorizedException({ code: 'ADMIN_TOKEN_INVALID', message: 'bearer token required' });
    return true;
  }
}

/** Mailboxes beside the one from the environment; running watchers follow within MAILBOX_RECONCILE_SECONDS. */
@Controller('v1/mailboxes')
@UseGuards(MailAdminGuard)
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
