import { loadConfig } from '@draftdesk/config';
import { embeddedBanner } from './embedded-banner.util';
import { embeddedConfigSchema, embeddedOptionsFromConfig } from './embedded.options';
import { fixedSecrets } from './fixed-secrets.fixture';

const banner = (env: Record<string, string>) =>
  embeddedBanner(
    embeddedOptionsFromConfig(
      loadConfig(embeddedConfigSchema, { DRAFTDESK_DATA_DIR: '/srv/dd/data', ...env }),
      fixedSecrets,
    ),
    '4.2',
    '/srv/dd',
    'support@shop.test',
  );

describe('the banner embedded mode prints once it is up', () => {
  it('names the URLs with the ports in use, the sign-in and where it is kept, the demo chat, the logs and how to stop', () => {
    const text = banner({ PORT: '3999', SMTP_INBOUND_PORT: '2626' });
    expect(text).toContain('draftdesk is up in 4.2 s (embedded mode, data in data)');
    expect(text).toMatch(/agent UI +http:\/\/127\.0\.0\.1:3999\//);
    expect(text).toMatch(
      /sign in +admin@shop\.test \/ kept-admin-password +\(kept in data\/admin-password: edit it or set REVIEW_ADMIN_PASSWORD/,
    );
    expect(text).toMatch(/inbound mail +smtp:\/\/127\.0\.0\.1:2626 +\(send a test mail to support@shop\.test\)/);
    expect(text).toMatch(/demo chat +http:\/\/127\.0\.0\.1:3999\/v1\/channels\/demo\/messages/);
    expect(text).toMatch(/chat secret +whsec_ZGVtb2RlbW9kZW1vZGVtb2RlbW8= +\(kept in data\/demo-chat-secret\)/);
    expect(text).toMatch(/try chat +T=\$\(date \+%s\);.* http:\/\/127\.0\.0\.1:3999\/v1\/channels\/demo\/messages$/m);
    expect(text).toMatch(/logs +data\/logs\/draftdesk\.log/);
    expect(text).toContain('Stop it with Ctrl-C.');
  });

  it('shows no password it was given and names the channels of CHAT_CHANNELS_JSON instead of the demo', () => {
    const channels = JSON.stringify([
      {
        id: 'shop-widget',
        kind: 'generic',
        secrets: ['whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ='],
        callbackUrl: 'https://shop.test/chat',
      },
    ]);
    const text = banner({
      REVIEW_ADMIN_PASSWORD: 'given-admin-password',
      CHAT_CHANNELS_JSON: channels,
      LOG_FORMAT: 'json',
    });
    expect(text).not.toContain('given-admin-password');
    expect(text).toMatch(/sign in +admin@shop\.test \/ the one in REVIEW_ADMIN_PASSWORD/);
    expect(text).toMatch(
      /chat webhook +http:\/\/127\.0\.0\.1:3000\/v1\/channels\/<channelId>\/messages +\(channels: shop-widget\)/,
    );
    expect(text).not.toContain('try chat');
    expect(text).toMatch(/logs +JSON on stdout/);
  });
});
