import type { Request } from 'express';
import { Realms } from './access.decorators';
import { BearerTokenAuthenticator } from './authenticator';

class AdminToken extends BearerTokenAuthenticator {
  constructor(token: string | null | undefined) {
    super([Realms.mailAdmin], 'MAIL_ADMIN_TOKEN', token);
  }
}

const TOKEN = 'a-sufficiently-long-admin-token';
const request = (authorization?: string) => ({ headers: authorization ? { authorization } : {} }) as Request;

describe('BearerTokenAuthenticator (every admin API: mailboxes, channels, knowledge base, conversations)', () => {
  it('names its realm and credential, and is off while its token is unset', () => {
    expect(new AdminToken(TOKEN)).toMatchObject({
      realms: [Realms.mailAdmin],
      credential: 'Bearer MAIL_ADMIN_TOKEN',
      enabled: true,
    });
    expect(new AdminToken(undefined).enabled).toBe(false);
    expect(new AdminToken(null).enabled).toBe(false);
    expect(new AdminToken('').enabled).toBe(false);
  });

  it.each([
    ['the token', `Bearer ${TOKEN}`, { via: 'token', credential: 'MAIL_ADMIN_TOKEN' }],
    ['no Authorization header', undefined, null],
    ['a wrong token', 'Bearer not-the-admin-token', null],
    ['the token with a character more', `Bearer ${TOKEN}x`, null],
    ['the token without the Bearer scheme', TOKEN, null],
    ['the token under another scheme', `Basic ${TOKEN}`, null],
    ['an empty bearer', 'Bearer ', null],
  ])('%s → %j', (_name, authorization, principal) => {
    expect(new AdminToken(TOKEN).authenticate(request(authorization))).toEqual(principal);
  });

  it('accepts nothing while its token is unset', () => {
    expect(new AdminToken(undefined).authenticate(request('Bearer undefined'))).toBeNull();
    expect(new AdminToken('').authenticate(request('Bearer '))).toBeNull();
  });
});
