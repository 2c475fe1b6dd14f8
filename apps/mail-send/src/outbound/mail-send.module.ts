import { DynamicModule, Module } from '@nestjs/common';
import { MailboxSentCopyReadModel } from '../../../mail-ingest/src';
import { MAIL_SEND_OPTIONS, MailSendOptions } from './mail-send.options';
import { MailSendConsumer } from './mail-send.consumer';
import { MailSender } from './mail-sender.service';
import { OutboundRepository } from './outbound.repository';

@Module({})
export class MailSendModule {
  static register(options: MailSendOptions): DynamicModule {
    return {
      module: MailSendModule,
      providers: [
        { provide: MAIL_SEND_OPTIONS, useValue: options },
        OutboundRepository,
        MailboxSentCopyReadModel,
        MailSender,
        MailSendConsumer,
      ],
    };
  }
}
