import { InfrastructureModule, ServiceConfig } from '@draftdesk/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { MailSendOptions } from './outbound/mail-send.options';
import { MailSendModule } from './outbound/mail-send.module';

@Module({})
export class MailSendAppModule {
  static forRoot(config: ServiceConfig, options: MailSendOptions): DynamicModule {
    return {
      module: MailSendAppModule,
      imports: [InfrastructureModule.forService('mail-send', config), MailSendModule.register(options)],
    };
  }
}
