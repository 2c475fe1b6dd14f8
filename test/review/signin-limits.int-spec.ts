import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { RunningService, startService } from '../support/services';
import { AddressedResponse, fromAddress, signInFrom } from './from-address';
import { tokenClient } from './review-fixtures';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sign-in limits on the real PostgreSQL, with two replicas sharing one database. Clients are told apart by the
 * loopback address they connect from (127.0.0.x).
 */
describe('review sign-in limits (real PostgreSQL, two replicas)', () => {
  const apiToken = `it-${randomBytes(24).toString('hex')}`;
  const password = 'member password 123';
  let db: TestDatabase;
  let one: RunningService;
  let two: RunningService;
  let strict: RunningService;

  const topicPrefix = `sl-${randomBytes(4).toString('hex')}.`;
  const start = async (label: string, env: Record<string, string>) => {
    const replica = await startService(
      'review',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: topicPrefix,
        REVIEW_API_TOKEN: apiToken,
        REVIEW_SIGNIN_MAX_FAILURES: '3',
        REVIEW_SIGNIN_LOCKOUT_SECONDS: '4',
        REVIEW_SIGNIN_LOCKOUT_MAX_SECONDS: '8',
        REVIEW_PUBLIC_RATE_PER_MINUTE: '100000',
        ...env,
      },
      label,
    );
    return replica.ready(180_000);
  };

  beforeAll(async () => {
    db = await createTestDatabase('signin_limits');
    // One after the other, as replicas of one deployment start: they share the topics and the database.
    one = await start('signin-limits-1', {});
    two = await start('signin-limits-2', {});
    strict = await start('signin-limits-strict', { REVIEW_PUBLIC_RATE_PER_MINUTE: '20' });
    const admin = tokenClient(one.url, apiToken);
    for (const email of ['victim@shop.test', 'agent@shop.test', 'lead@shop.test', 'busy@shop.test']) {
      expect((await admin('/v1/users', { method: 'POST', json: { email, password, role: 'agent' } })).status).toBe(201);
    }
  }, 600_000);

  afterAll(async () => {
    await Promise.all([one?.kill('SIGTERM'), two?.kill('SIGTERM'), strict?.kill('SIGTERM')]);
    await db?.drop();
  });

  function expectTooMany(res: AddressedResponse, code: string) {
    expect(res.status).toBe(429);
    expect(res.body).toEqual({
      statusCode: 429,
      code,
      message: expect.any(String),
      retryAfterSeconds: expect.any(Number),
      errors: [],
    });
    expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
  }

  const retryAfterMs = (res: AddressedResponse) => Number(res.headers['retry-after']) * 1000 + 200;

  it('answers 700 wrong passwords with 429 and Retry-After long before the end; the right password works after the window', async () => {
    const attacker = '127.0.0.2';
    const answers: AddressedResponse[] = [];
    // Ten at a time: parallel guesses must not slip in before the first failures are recorded.
    for (let i = 0; i < 700; i += 10) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, j) => signInFrom(attacker, one.url, 'victim@shop.test', `guess ${i + j}`)),
        )),
      );
    }
    expect(answers.slice(0, 10).filter((a) => a.status === 401)).toHaveLength(3);
    for (const a of answers.filter((x) => x.status === 429)) expectTooMany(a, 'TOO_MANY_ATTEMPTS');
    expect(answers.filter((a) => a.status !== 429 && a.status !== 401)).toEqual([]);
    // Only one attempt after each lockout window was checked at all; the rest were turned away before argon2.
    const checked = answers.filter((a) => a.status === 401).length;
    expect(checked).toBeLessThan(40);
    // Windows grow from 4 s but stop at the 8 s cap.
    expect(answers.every((a) => a.status !== 429 || Number(a.headers['retry-after']) <= 8)).toBe(true);

    // Past the longest window one guess is checked again; it fails and locks anew, so even the right password waits.
    await sleep(8_200);
    expect((await signInFrom(attacker, one.url, 'victim@shop.test', 'one more guess')).status).toBe(401);
    const locked = await signInFrom(attacker, one.url, 'victim@shop.test', password);
    expectTooMany(locked, 'TOO_MANY_ATTEMPTS');
    await sleep(retryAfterMs(locked));
    expect((await signInFrom(attacker, one.url, 'victim@shop.test', password)).status).toBe(200);
  }, 600_000);

  it('lets the person in from another address while their account is under attack', async () => {
    for (const attacker of ['127.0.0.3', '127.0.0.14', '127.0.0.15', '127.0.0.16']) {
      for (let i = 0; i < 3; i++)
        expect((await signInFrom(attacker, one.url, 'agent@shop.test', `guess ${i}`)).status).toBe(401);
    }
    expect((await signInFrom('127.0.0.4', one.url, 'agent@shop.test', password)).status).toBe(200);
    // Past the account-wide threshold a new address gets a single try: a mistake locks that address out as well.
    expect((await signInFrom('127.0.0.5', one.url, 'agent@shop.test', 'typo')).status).toBe(401);
    expectTooMany(await signInFrom('127.0.0.5', one.url, 'agent@shop.test', password), 'TOO_MANY_ATTEMPTS');
  });

  it('limits an address across accounts, whichever account it tries next', async () => {
    const sprayer = '127.0.0.6';
    for (let i = 0; i < 12; i++)
      expect((await signInFrom(sprayer, one.url, `spray-${i}@shop.test`, password)).status).toBe(401);
    const refused = await signInFrom(sprayer, one.url, 'lead@shop.test', password);
    expectTooMany(refused, 'TOO_MANY_ATTEMPTS');
    expect((await signInFrom('127.0.0.7', one.url, 'lead@shop.test', password)).status).toBe(200);
    await sleep(retryAfterMs(refused));
    expect((await signInFrom(sprayer, one.url, 'lead@shop.test', password)).status).toBe(200);
  });

  it('shares failures between replicas', async () => {
    const client = '127.0.0.8';
    expect((await signInFrom(client, one.url, 'busy@shop.test', 'guess 1')).status).toBe(401);
    expect((await signInFrom(client, two.url, 'busy@shop.test', 'guess 2')).status).toBe(401);
    expect((await signInFrom(client, one.url, 'busy@shop.test', 'guess 3')).status).toBe(401);
    expectTooMany(await signInFrom(client, two.url, 'busy@shop.test', password), 'TOO_MANY_ATTEMPTS');
  });

  it('keeps health and a signed-in user’s list answering through 50 parallel sign-ins, turning the excess away with 503', async () => {
    const session = await signInFrom('127.0.0.9', two.url, 'lead@shop.test', password);
    expect(session.status).toBe(200);
    const cookie = String(session.headers['set-cookie']).split(';')[0];
    // Fifty clients at once, each from an address of its own, so that no per-address or per-account limit applies.
    const flood = Array.from({ length: 50 }, (_, i) =>
      signInFrom(`127.0.1.${i + 1}`, two.url, 'lead@shop.test', password),
    );
    const [health, list] = await Promise.all([
      fromAddress('127.0.0.9', `${two.url}/health/ready`),
      fromAddress('127.0.0.9', `${two.url}/v1/drafts`, { headers: { cookie } }),
    ]);
    const answers = await Promise.all(flood);
    expect(health.status).toBe(200);
    expect(list.status).toBe(200);
    expect(answers.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    for (const b of busy) {
      expect(b.headers['retry-after']).toBe('1');
      expect(b.body).toMatchObject({ statusCode: 503, code: 'SIGN_IN_BUSY', errors: [] });
    }
  });

  it('limits every endpoint that needs no sign-in per address, and nothing else', async () => {
    const noisy = '127.0.0.11';
    for (let i = 0; i < 20; i++) expect((await fromAddress(noisy, `${strict.url}/v1/auth/providers`)).status).toBe(200);
    expectTooMany(await fromAddress(noisy, `${strict.url}/v1/auth/providers`), 'RATE_LIMITED');
    expectTooMany(await fromAddress(noisy, `${strict.url}/v1/auth/oidc/login`), 'RATE_LIMITED');
    expectTooMany(await fromAddress(noisy, `${strict.url}/v1/auth/oidc/callback?code=x&state=y`), 'RATE_LIMITED');
    expectTooMany(await signInFrom(noisy, strict.url, 'lead@shop.test', password), 'RATE_LIMITED');
    expectTooMany(await fromAddress(noisy, `${strict.url}/`), 'RATE_LIMITED');
    expectTooMany(await fromAddress(noisy, `${strict.url}/docs/openapi.json`), 'RATE_LIMITED');
    expect((await fromAddress(noisy, `${strict.url}/health/ready`)).status).toBe(200);
    expect(
      (await fromAddress(noisy, `${strict.url}/v1/drafts`, { headers: { authorization: `Bearer ${apiToken}` } }))
        .status,
    ).toBe(200);
    expect((await fromAddress('127.0.0.12', `${strict.url}/v1/auth/providers`)).status).toBe(200);
  });

  it('answers an OpenID Connect callback with 404 when OpenID Connect is off, not a server error', async () => {
    const cookie = `dd_oidc=${Buffer.from(JSON.stringify({ state: 's', nonce: 'n', verifier: 'v' })).toString('base64url')}`;
    const res = await fromAddress('127.0.0.13', `${one.url}/v1/auth/oidc/callback?code=x&state=s`, {
      headers: { cookie },
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'OIDC_DISABLED', errors: [] });
  });
});
