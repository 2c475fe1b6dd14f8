import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { RunningService, startService } from '../support/services';
import { SessionClient, tokenClient } from './review-fixtures';

/**
 * Accounts span shops: an admin of one shop may add an existing user to their shop, but never change the
 * credentials, profile or tokens of a user who also belongs to a shop they do not administer.
 */
describe('review accounts across shops (real PostgreSQL)', () => {
  const apiToken = `it-${randomBytes(24).toString('hex')}`;
  const victimPassword = 'victim password 123';
  const attackerPassword = 'attacker password 123';
  const takeoverPassword = 'taken over password 1';
  let db: TestDatabase;
  let review: RunningService;
  let attacker: SessionClient;

  beforeAll(async () => {
    db = await createTestDatabase('account_safety');
    review = await startService(
      'review',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: `as-${randomBytes(4).toString('hex')}.`,
        REVIEW_ADMIN_EMAIL: 'operator@shop.test',
        REVIEW_ADMIN_PASSWORD: 'operator password 123',
        REVIEW_API_TOKEN: apiToken,
      },
      'account-safety',
    );
    await review.ready();
    const operator = tokenClient(review.url, apiToken);
    await db.query(
      `INSERT INTO shops (id, name, business_hours, sla) SELECT 'b', 'Shop B', business_hours, sla FROM shops WHERE id = 'default'`,
    );
    const operatorId = (await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'operator@shop.test'`))[0]
      .id;
    await db.query(`INSERT INTO memberships (user_id, shop_id, role) VALUES ($1, 'b', 'admin')`, [operatorId]);
    const created = [
      await operator('/v1/users', {
        method: 'POST',
        json: { email: 'victim@shop-b.test', name: 'Vera', password: victimPassword, role: 'admin' },
        headers: { 'x-shop-id': 'b' },
      }),
      await operator('/v1/users', {
        method: 'POST',
        json: { email: 'attacker@shop-a.test', password: attackerPassword, role: 'admin' },
        headers: { 'x-shop-id': 'default' },
      }),
      await operator('/v1/users', {
        method: 'POST',
        json: { email: 'agent@shop-a.test', password: 'agent password 123', role: 'agent' },
        headers: { 'x-shop-id': 'default' },
      }),
    ];
    expect(created.map((r) => r.status)).toEqual([201, 201, 201]);
    attacker = new SessionClient(review.url);
    expect((await attacker.login('attacker@shop-a.test', attackerPassword)).status).toBe(200);
  });

  afterAll(async () => {
    await review?.kill('SIGTERM');
    await db?.drop();
  });

  async function signsIn(email: string, password: string): Promise<number> {
    return (await new SessionClient(review.url).login(email, password)).status;
  }

  async function membershipsOf(email: string) {
    return db.query<{ shop_id: string; role: string }>(
      `SELECT m.shop_id, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1 ORDER BY m.shop_id`,
      [email],
    );
  }

  it('refuses to set the password of another shop’s admin and changes nothing', async () => {
    const res = await attacker.fetch('/v1/users', {
      method: 'POST',
      json: { email: 'VICTIM@shop-b.test', password: takeoverPassword, role: 'admin' },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      statusCode: 403,
      code: 'USER_IN_OTHER_SHOP',
      errors: [{ field: 'password' }],
    });
    expect(await signsIn('victim@shop-b.test', takeoverPassword)).toBe(401);
    expect(await signsIn('victim@shop-b.test', victimPassword)).toBe(200);
    expect(await membershipsOf('victim@shop-b.test')).toEqual([{ shop_id: 'b', role: 'admin' }]);
  });

  it('adds an existing user of another shop without touching their credentials or profile', async () => {
    const res = await attacker.fetch('/v1/users', {
      method: 'POST',
      json: { email: 'victim@shop-b.test', name: 'Renamed', locale: 'nl', role: 'agent' },
    });
    expect(res.status).toBe(201);
    expect(await membershipsOf('victim@shop-b.test')).toEqual([
      { shop_id: 'b', role: 'admin' },
      { shop_id: 'default', role: 'agent' },
    ]);
    expect(await db.query(`SELECT name, locale FROM users WHERE email = 'victim@shop-b.test'`)).toEqual([
      { name: 'Vera', locale: 'en' },
    ]);
    expect(await signsIn('victim@shop-b.test', victimPassword)).toBe(200);
    // Now a member of the attacker's shop too, the account still belongs to shop B as well.
    const again = await attacker.fetch('/v1/users', {
      method: 'POST',
      json: { email: 'victim@shop-b.test', password: takeoverPassword, role: 'admin' },
    });
    expect(again.status).toBe(403);
    expect(await signsIn('victim@shop-b.test', victimPassword)).toBe(200);
  });

  it('changes a role only in the caller’s own shop', async () => {
    const inB = await attacker.fetch('/v1/users', {
      method: 'POST',
      json: { email: 'victim@shop-b.test', role: 'agent' },
      headers: { 'x-shop-id': 'b' },
    });
    expect(inB.status).toBe(403);
    expect(
      await attacker
        .fetch('/v1/users', { method: 'POST', json: { email: 'victim@shop-b.test', role: 'lead' } })
        .then((r) => r.status),
    ).toBe(201);
    expect(await membershipsOf('victim@shop-b.test')).toEqual([
      { shop_id: 'b', role: 'admin' },
      { shop_id: 'default', role: 'lead' },
    ]);
  });

  it('leaves the API tokens of a user who belongs to another shop alone', async () => {
    const victim = new SessionClient(review.url);
    expect((await victim.login('victim@shop-b.test', victimPassword)).status).toBe(200);
    const created = (await (
      await victim.fetch('/v1/tokens', { method: 'POST', json: { name: 'shop b sync' }, headers: { 'x-shop-id': 'b' } })
    ).json()) as { id: string; token: string };
    const revoke = await attacker.fetch(`/v1/tokens/${created.id}`, { method: 'DELETE' });
    expect(revoke.status).toBe(403);
    expect(await revoke.json()).toMatchObject({ code: 'USER_IN_OTHER_SHOP' });
    expect((await tokenClient(review.url, created.token)('/v1/drafts', { headers: { 'x-shop-id': 'b' } })).status).toBe(
      200,
    );
    // Its owner may revoke it.
    expect(
      (
        await tokenClient(review.url, created.token)(`/v1/tokens/${created.id}`, {
          method: 'DELETE',
          headers: { 'x-shop-id': 'b' },
        })
      ).status,
    ).toBe(204);
    expect((await tokenClient(review.url, created.token)('/v1/drafts', { headers: { 'x-shop-id': 'b' } })).status).toBe(
      401,
    );
  });

  it('removes a user only from the caller’s shop', async () => {
    const victimId = (await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'victim@shop-b.test'`))[0].id;
    expect((await attacker.fetch(`/v1/users/${victimId}`, { method: 'DELETE' })).status).toBe(204);
    expect(await membershipsOf('victim@shop-b.test')).toEqual([{ shop_id: 'b', role: 'admin' }]);
    expect(await signsIn('victim@shop-b.test', victimPassword)).toBe(200);
    // No longer in the attacker's shop: to them the account does not exist.
    expect((await attacker.fetch(`/v1/users/${victimId}`, { method: 'DELETE' })).status).toBe(404);
    const listed = (await (await attacker.fetch('/v1/users')).json()) as { items: { email: string }[] };
    expect(listed.items.map((u) => u.email)).not.toContain('victim@shop-b.test');
  });

  it('still lets an admin reset the password of a user who belongs only to their shop', async () => {
    const res = await attacker.fetch('/v1/users', {
      method: 'POST',
      json: { email: 'agent@shop-a.test', password: 'a fresh agent password', role: 'agent' },
    });
    expect(res.status).toBe(201);
    expect(await signsIn('agent@shop-a.test', 'a fresh agent password')).toBe(200);
  });
});
