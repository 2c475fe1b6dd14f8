import { DynamicModule, Module } from '@nestjs/common';
import { MailboxesService } from '../imap/mailboxes.service';
import { SmtpInboundService } from '../smtp/smtp-inbound.service';
import { IngestService } from './ingest.service';
import { MailParsePool } from './mail-parse-pool.service';
import { MAIL_INGEST_OPTIONS, MailIngestOptions } from './mail-ingest.options';
import { QuarantineController } from './quarantine.controller';
import { RawMailRepository } from './raw-mail.repository';
import { MailboxesController } from '../mailboxes/mailboxes.controller';
import { MailAdminAuthenticator } from '../mailboxes/mail-admin.authenticator';
import { MailboxStore } from '../mailboxes/mailbox-store.service';
import { MailboxTester } from '../mailboxes/mailbox-tester.service';
import { MailboxRepository } from '../mailboxes/mailbox.repository';

@Module({})
export class MailIngestModule {
  static register(options: MailIngestOptions): DynamicModule {
    return {
      module: MailIngestModule,
      controllers: [QuarantineController, MailboxesController],
      providers: [
        { provide: MAIL_INGEST_OPTIONS, useValue: options },
        MailParsePool,
        RawMailRepository,
        IngestService,
        MailboxRepository,
        MailboxStore,
        MailboxTester,
        MailboxesService,
        MailAdminAuthenticator,
        SmtpInboundService,
      ],
      exports: [IngestService],
    };
  }
}
