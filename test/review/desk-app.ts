import { configureLogging } from '@draftdesk/observability';
import { createServiceApp } from '@draftdesk/platform';
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { AUDITED_APPS, SECRETS } from '../security/audited-apps';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { SessionClient, tokenClient } from './review-fixtures';

export type Colleague = readonly [email: string, role: 'agent' | 'lead' | 'admin', shopId: string];

export interface Desk {
  db: TestDatabase;
  app: INestApplication;
  base: string;
  /** The user id of each colleague, by email. */
  ids: Record<string, string>;
  signIn(email: string): Promise<SessionClient>;
  close(): Promise<void>;
}

/**
 * The review app as it starts in production, on a fresh database with the real migrations: the default shop and a
 * shop 'b' that admin@shop.test also administers, and the colleagues made through the users API, each with
 * `password`.
 */
export async function startDesk(name: string, password: string, colleagues: readonly Colleague[]): Promise<Desk> {
  configureLogging(`${name}-it`, 'error');
  const db = await createTestDatabase(name);
  const review = AUDITED_APPS.find((a) => a.name === 'review')!;
  const app = await createServiceApp({
    module: review.module({
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: `${name}-${randomBytes(3).toString('hex')}.`,
      REVIEW_ADMIN_EMAIL: 'admin@shop.test',
      REVIEW_ADMIN_PASSWORD: 'correct horse battery staple',
    }),
  });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const admin = tokenClient(base, SECRETS.review);
  await db.query(
    `INSERT INTO shops (id, name, business_hours, sla) SELECT 'b', 'Shop B', business_hours, sla FROM shops WHERE id = 'default'`,
  );
  const adminId = (await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'admin@shop.test'`))[0].id;
  await db.query(`INSERT INTO memberships (user_id, shop_id, role) VALUES ($1, 'b', 'admin')`, [adminId]);
  const ids: Record<string, string> = {};
  for (const [email, role, shop] of colleagues) {
    const res = await admin('/v1/users', {
      method: 'POST',
      json: { email, password, role },
      headers: { 'x-shop-id': shop },
    });
    if (res.status !== 201) throw new Error(`making ${email}: ${res.status} ${await res.text()}`);
    ids[email] = ((await res.json()) as { id: string }).id;
  }
  return {
    db,
    app,
    base,
    ids,
    async signIn(email) {
      const c = new SessionClient(base);
      const res = await c.login(email, password);
      if (res.status !== 200) throw new Error(`signing in ${email}: ${res.status}`);
      return c;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
