import { ServiceAppModule, ServiceConfig } from '@draftdesk/platform';
import { MailSendOptions } from './outbound/mail-send.options';
import { MailSendModule } from './outbound/mail-send.module';

/** The mail-send service: its feature module on the shared infrastructure. */
export const MailSendAppModule = {
  forRoot: (config: ServiceConfig, options: MailSendOptions) =>
    ServiceAppModule.of('mail-send', config, MailSendModule.register(options)),
};
