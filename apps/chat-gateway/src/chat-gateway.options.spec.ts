import { loadConfig } from '@draftdesk/config';
import { randomBytes } from 'node:crypto';
import { chatGatewayConfigShape, chatGatewayOptionsFromConfig } from './chat-gateway.options';

const key = randomBytes(32).toString('base64');
const channel = {
  id: 'shop-web',
  kind: 'generic',
  secrets: ['whsec_' + randomBytes(24).toString('base64')],
  callbackUrl: 'https://shop.test/hook',
};

describe('chat-gateway configuration', () => {
  it('parses the key, the seeded channels and the defaults', () => {
    const config = loadConfig(chatGatewayConfigShape, {
      CHAT_SECRETS_KEY: key,
      CHAT_CHANNELS_JSON: JSON.stringify([channel]),
    });
    const options = chatGatewayOptionsFromConfig(config);
    expect(options.secretsKey).toHaveLength(32);
    expect(options.quietWindowMs).toBe(3000);
    // A channel's identities are claims unless the shop says its provider signs its users in.
    expect(options.seedChannels).toEqual([
      { ...channel, rateLimit: { perSecond: 20, burst: 40 }, identityVerified: false },
    ]);
  });

  it.each([
    { name: 'missing key', env: {}, problem: /CHAT_SECRETS_KEY is required/ },
    {
      name: 'short key',
      env: { CHAT_SECRETS_KEY: randomBytes(16).toString('base64') },
      problem: /CHAT_SECRETS_KEY is invalid: must be 32 bytes/,
    },
    {
      name: 'channels not JSON',
      env: { CHAT_SECRETS_KEY: key, CHAT_CHANNELS_JSON: '[{' },
      problem: /CHAT_CHANNELS_JSON is invalid: must be a JSON array/,
    },
    {
      name: 'channel without callback',
      env: { CHAT_SECRETS_KEY: key, CHAT_CHANNELS_JSON: JSON.stringify([{ ...channel, callbackUrl: undefined }]) },
      problem: /CHAT_CHANNELS_JSON is invalid: \[0\.callbackUrl\]/,
    },
    {
      name: 'window not a number',
      env: { CHAT_SECRETS_KEY: key, CHAT_QUIET_WINDOW_MS: 'soon' },
      problem: /CHAT_QUIET_WINDOW_MS is invalid/,
    },
  ])('names the problem: $name', ({ env, problem }) => {
    expect(() => loadConfig(chatGatewayConfigShape, env)).toThrow(problem);
  });
});
