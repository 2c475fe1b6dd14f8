import { createHmac } from 'node:crypto';
import { sameToken, signWhatsApp, verifyWhatsApp } from './whatsapp-signature.util';

const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
const hex = (secret: string, b: Buffer | string = body) => createHmac('sha256', secret).update(b).digest('hex');

describe('verifyWhatsApp', () => {
  it.each([
    { name: 'valid', secrets: ['app-secret'], header: `sha256=${hex('app-secret')}`, ok: true },
    { name: 'upper-case hex', secrets: ['app-secret'], header: `sha256=${hex('app-secret').toUpperCase()}`, ok: true },
    {
      name: 'rotation: old secret still listed',
      secrets: ['new-secret', 'app-secret'],
      header: `sha256=${hex('app-secret')}`,
      ok: true,
    },
    { name: 'wrong secret', secrets: ['new-secret'], header: `sha256=${hex('app-secret')}`, ok: false },
    { name: 'tampered body', secrets: ['app-secret'], header: `sha256=${hex('app-secret', '{}')}`, ok: false },
    {
      name: 'sha1 header',
      secrets: ['app-secret'],
      header: `sha1=${createHmac('sha1', 'app-secret').update(body).digest('hex')}`,
      ok: false,
    },
    { name: 'missing', secrets: ['app-secret'], header: undefined, ok: false },
    { name: 'garbage', secrets: ['app-secret'], header: 'sha256=zz', ok: false },
  ])('$name → $ok', ({ secrets, header, ok }) => {
    expect(verifyWhatsApp(secrets, header, body)).toBe(ok);
  });

  it('signs the way it verifies', () => {
    expect(verifyWhatsApp(['s3cret'], signWhatsApp('s3cret', body), body)).toBe(true);
  });
});

describe('sameToken', () => {
  it.each([
    { expected: 'verify-token-1', given: 'verify-token-1', ok: true },
    { expected: 'verify-token-1', given: 'verify-token-2', ok: false },
    { expected: 'verify-token-1', given: undefined, ok: false },
    { expected: undefined, given: '', ok: false },
  ])('$expected vs $given → $ok', ({ expected, given, ok }) => {
    expect(sameToken(expected, given)).toBe(ok);
  });
});
