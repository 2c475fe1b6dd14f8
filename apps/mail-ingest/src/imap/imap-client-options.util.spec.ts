import { defaultImapPort, imapClientOptions, TlsMode } from './imap-client-options.util';

describe('imapClientOptions', () => {
  const password = { user: 'support@shop.test', pass: 'pw' };

  it.each<[TlsMode | undefined, boolean, { secure: boolean; doSTARTTLS?: boolean }]>([
    ['tls', false, { secure: true, doSTARTTLS: undefined }],
    ['starttls', true, { secure: false, doSTARTTLS: true }],
    ['plain', true, { secure: false, doSTARTTLS: false }],
    // The env mailbox: IMAP_SECURE alone, STARTTLS left to imapflow's opportunistic default.
    [undefined, true, { secure: true, doSTARTTLS: undefined }],
    [undefined, false, { secure: false, doSTARTTLS: undefined }],
  ])('tlsMode=%s secure=%s → %j', (tlsMode, secure, expected) => {
    const options = imapClientOptions({ host: 'imap.shop.test', port: 1143, tlsMode, secure }, password, {
      rejectUnauthorized: true,
    });
    expect({ secure: options.secure, doSTARTTLS: options.doSTARTTLS }).toEqual(expected);
    expect(options.host).toBe('imap.shop.test');
    expect(options.port).toBe(1143);
    expect(options.tls).toEqual({ rejectUnauthorized: true });
  });

  it.each([
    [password, { user: 'support@shop.test', pass: 'pw' }],
    [
      { user: 'me@gmail.test', accessToken: 'ya29.token' },
      { user: 'me@gmail.test', accessToken: 'ya29.token' },
    ],
  ])('passes credentials %j as imapflow auth', (auth, expected) => {
    expect(
      imapClientOptions({ host: 'h', port: 993, tlsMode: 'tls', secure: true }, auth, { rejectUnauthorized: false })
        .auth,
    ).toEqual(expected);
  });

  it.each<[TlsMode, number]>([
    ['tls', 993],
    ['starttls', 143],
    ['plain', 143],
  ])('default port for %s is %d', (mode, port) => expect(defaultImapPort(mode)).toBe(port));
});
