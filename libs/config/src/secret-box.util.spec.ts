import { randomBytes } from 'node:crypto';
import { open, parseSecretsKey, seal } from './secret-box.util';

const key = randomBytes(32);

describe('secret box (AES-256-GCM)', () => {
  it('round-trips and never contains the plaintext', () => {
    const sealed = seal(key, '{"secrets":["whsec_abc"]}', 'shop-web');
    expect(sealed).not.toContain('whsec_abc');
    expect(open(key, sealed, 'shop-web')).toBe('{"secrets":["whsec_abc"]}');
  });

  it('uses a fresh IV each time', () => {
    expect(seal(key, 'same', 'c')).not.toBe(seal(key, 'same', 'c'));
  });

  it.each([
    { name: 'another key', mutate: (s: string) => s, openKey: randomBytes(32), context: 'shop-web' },
    { name: "another channel's row", mutate: (s: string) => s, openKey: key, context: 'other-channel' },
    {
      name: 'a flipped ciphertext byte',
      mutate: (s: string) => {
        const parts = s.split(':');
        const data = Buffer.from(parts[3], 'base64');
        data[0] ^= 1;
        parts[3] = data.toString('base64');
        return parts.join(':');
      },
      openKey: key,
      context: 'shop-web',
    },
    { name: 'an unknown format', mutate: () => 'plain-text', openKey: key, context: 'shop-web' },
  ])('refuses to open with $name', ({ mutate, openKey, context }) => {
    const sealed = mutate(seal(key, 'secret', 'shop-web'));
    expect(() => open(openKey, sealed, context)).toThrow();
  });

  it.each([
    { value: randomBytes(32).toString('base64'), ok: true },
    { value: randomBytes(16).toString('base64'), ok: false },
    { value: 'not base64 at all', ok: false },
  ])('parseSecretsKey($value) ok=$ok', ({ value, ok }) => {
    if (ok) expect(parseSecretsKey(value)).toHaveLength(32);
    else expect(() => parseSecretsKey(value)).toThrow(/32 bytes/);
  });
});
