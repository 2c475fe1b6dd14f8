import { DynamicModule, Module } from '@nestjs/common';
import { MailboxesService } from '../imap/mailboxes.service';
import { SmtpInboundService } from '../smtp/smtp-inbound.service';
import { IngestService } from './ingest.service';
import { MAIL_INGEST_OPTIONS, MailIngestOptions } from './mail-ingest.options';
import { QuarantineController } from './quarantine.controller';

@Module({})
export class MailIngestModule {
  static register(options: MailIngestOptions): DynamicModule {
    return {
      module: MailIngestModule,
      controllers: [QuarantineController],
      providers: [{ provide: MAIL_INGEST_OPTIONS, useValue: options }, IngestService, MailboxesService, SmtpInboundService],
      exports: [IngestService],
    };
  }
}
