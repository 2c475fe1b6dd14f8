import { describeImapFailure, ImapTestFailure } from './imap-connection-test';

const endpoint = { host: 'imap.shop.test', port: 993, folder: 'INBOX' };

describe('describeImapFailure', () => {
  it.each<[string, unknown, 'connect' | 'open', ImapTestFailure, RegExp]>([
    [
      'a refused login',
      { authenticationFailed: true, responseText: 'Authentication failed.' },
      'connect',
      'auth_failed',
      /refused the user name or password \(Authentication failed\.\)/,
    ],
    [
      'a refused port',
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' },
      'connect',
      'unreachable',
      /imap\.shop\.test:993 cannot be reached \(ECONNREFUSED\)/,
    ],
    ['an unknown host', { code: 'ENOTFOUND' }, 'connect', 'unreachable', /check the host and port/],
    ['a silent greeting', { code: 'GREETING_TIMEOUT' }, 'connect', 'timeout', /did not answer in time/],
    [
      'TLS to a plain port',
      { code: 'ERR_SSL_WRONG_VERSION_NUMBER', message: 'wrong version number' },
      'connect',
      'tls',
      /secure connection .* failed/,
    ],
    ['a self-signed certificate', { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'connect', 'tls', /check the TLS mode/],
    [
      'a folder that is not there',
      { responseText: 'Mailbox does not exist' },
      'open',
      'folder_not_found',
      /folder "INBOX" could not be opened/,
    ],
    ['anything else', { message: 'Unexpected close' }, 'connect', 'error', /imap\.shop\.test:993: Unexpected close/],
  ])('%s', (_, error, phase, reason, message) => {
    const described = describeImapFailure(error, phase, endpoint);
    expect(described.reason).toBe(reason);
    expect(described.message).toMatch(message);
  });
});
