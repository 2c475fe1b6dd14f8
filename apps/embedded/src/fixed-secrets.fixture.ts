import { EmbeddedSecrets } from './embedded-secrets.util';

/** Fixed stand-ins for what the data directory would keep, so two builds of the options differ only by the environment. */
export const fixedSecrets: EmbeddedSecrets = {
  chatSecretsKey: () => Buffer.alloc(32, 1),
  mailboxSecretsKey: () => Buffer.alloc(32, 2),
  mailAdminToken: () => 'kept-mail-admin-token-0000',
  chatAdminToken: () => 'kept-chat-admin-token-0000',
  reviewApiToken: () => 'kept-review-api-token-0000',
  adminPassword: () => 'kept-admin-password',
  demoChatSecret: () => 'whsec_ZGVtb2RlbW9kZW1vZGVtb2RlbW8=',
};
