// Mail send's public face: what the embedded suite composes. Other apps import only from here.
export { MailSendModule } from './outbound/mail-send.module';
export {
  mailSendConfigRules,
  mailSendConfigSchema,
  mailSendConfigShape,
  mailSendOptionsFromConfig,
} from './outbound/mail-send.options';
export type { MailSendOptions } from './outbound/mail-send.options';
