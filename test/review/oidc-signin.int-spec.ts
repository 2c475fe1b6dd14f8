import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { RunningService, startService } from '../support/services';
import { FakeOidcProvider } from './fake-oidc-provider';
import { tokenClient } from './review-fixtures';

/**
 * OpenID Connect sign-in against a LOCAL fake OpenID Provider (test/review/fake-oidc-provider.ts): discovery,
 * JWKS, authorize redirect, code flow with PKCE and an id_token signed with a key the test generates.
 * Only users who already exist (created by an admin, with a role in a shop) can sign in this way, matched once
 * by verified email and then by issuer + subject: an identity provider knows people, not which shop's
 * customer data they may read, so nobody gets a role just by having an account there.
 */
describe('OIDC sign-in against a local fake OpenID Provider', () => {
  const apiToken = `it-${randomBytes(24).toString('hex')}`;
  const provider = new FakeOidcProvider('draftdesk-review', `secret-${randomBytes(12).toString('hex')}`);
  // The public address the provider sends browsers back to, as behind a reverse proxy; the test follows it to the service.
  const redirectUri = 'http://review.shop.test/v1/auth/oidc/callback';
  let db: TestDatabase;
  let review: RunningService;

  beforeAll(async () => {
    await provider.start();
    db = await createTestDatabase('review_oidc');
    review = await startService(
      'review',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: `ro-${randomBytes(4).toString('hex')}.`,
        REVIEW_API_TOKEN: apiToken,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_REDIRECT_URI: redirectUri,
        OIDC_ALLOW_INSECURE: 'true',
      },
      'review-oidc',
    );
    await review.ready();
    const admin = tokenClient(review.url, apiToken);
    const res = await admin('/v1/users', {
      method: 'POST',
      json: { email: 'Lotte@shop.test', password: 'not used for oidc 123', role: 'agent' },
      headers: { 'x-shop-id': 'default' },
    });
    expect(res.status).toBe(201);
  });

  afterAll(async () => {
    await review?.kill('SIGTERM');
    await db?.drop();
    await provider.stop();
  });

  /** What a browser does: start at the service, let the provider redirect back, present the callback with the state cookie. */
  async function signIn(): Promise<{ status: number; location: string | null; session: string | null; body: string }> {
    const start = await fetch(`${review.url}/v1/auth/oidc/login`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(redirectUri);
    const stateCookie = start.headers.get('set-cookie')!.split(';')[0];
    expect(stateCookie).toMatch(/^dd_oidc=/);

    const back = await fetch(authorize, { redirect: 'manual' });
    expect(back.status).toBe(302);
    const callback = new URL(back.headers.get('location')!);
    expect(callback.href.startsWith(redirectUri)).toBe(true);

    const done = await fetch(`${review.url}${callback.pathname}${callback.search}`, {
      redirect: 'manual',
      headers: { cookie: stateCookie },
    });
    const session = done.headers.getSetCookie().find((c) => c.startsWith('dd_session=')) ?? null;
    return { status: done.status, location: done.headers.get('location'), session, body: await done.text() };
  }

  it('signs a pre-existing user in by verified email, links the subject and sets an http-only session cookie', async () => {
    provider.identity = { sub: 'sub-lotte', email: 'lotte@shop.test', email_verified: true };
    const result = await signIn();
    expect(result.status).toBe(302);
    expect(result.location).toBe('/');
    expect(result.session).toMatch(/HttpOnly/i);
    expect(result.session).toMatch(/SameSite=Lax/i);
    // PKCE: the token request carried the verifier (the provider checked it against the challenge).
    expect(provider.tokenRequests.at(-1)?.code_verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);

    const me = await fetch(`${review.url}/v1/auth/me`, { headers: { cookie: result.session!.split(';')[0] } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      email: 'Lotte@shop.test',
      memberships: [{ shopId: 'default', role: 'agent' }],
    });
    expect(
      await db.query(`SELECT oidc_issuer, oidc_subject FROM users WHERE lower(email) = 'lotte@shop.test'`),
    ).toEqual([{ oidc_issuer: provider.issuer, oidc_subject: 'sub-lotte' }]);
  });

  it('recognises the linked subject again even when the provider now reports another email', async () => {
    provider.identity = { sub: 'sub-lotte', email: 'lotte.new@elsewhere.test', email_verified: true };
    const result = await signIn();
    expect(result.status).toBe(302);
    expect(result.session).not.toBeNull();
  });

  it.each([
    ['an unknown email', { sub: 'sub-stranger', email: 'stranger@shop.test', email_verified: true }],
    [
      'an unverified email of an existing user',
      { sub: 'sub-impostor', email: 'lotte@shop.test', email_verified: false },
    ],
    ['no email at all', { sub: 'sub-anon' }],
  ])('refuses %s without creating a user', async (_name, identity) => {
    provider.identity = identity;
    const result = await signIn();
    expect(result.status).toBe(401);
    expect(result.body).toContain('OIDC_NO_ACCOUNT');
    expect(result.session).toBeNull();
    expect(await db.query(`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 2 }]);
  });

  it('refuses an id_token not signed with the provider’s published key', async () => {
    provider.identity = { sub: 'sub-lotte', email: 'lotte@shop.test', email_verified: true };
    provider.forgeWith = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    try {
      const result = await signIn();
      expect(result.status).toBe(401);
      expect(result.body).toContain('OIDC_FAILED');
      expect(result.session).toBeNull();
    } finally {
      provider.forgeWith = undefined;
    }
  });

  it('answers a callback whose state cookie is not one it wrote with 401, not a server error', async () => {
    for (const cookie of ['dd_oidc=not-base64-json', `dd_oidc=${Buffer.from('{"state":1}').toString('base64url')}`]) {
      const res = await fetch(`${review.url}/v1/auth/oidc/callback?code=x&state=y`, {
        redirect: 'manual',
        headers: { cookie },
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ statusCode: 401, code: 'OIDC_STATE', errors: [] });
    }
  });
});
