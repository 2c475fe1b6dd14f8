import { returnedRows } from '@draftdesk/database';
import { createLogger } from '@draftdesk/observability';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEFAULTS, REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { Membership, Principal, Role } from './principal';
import { hashSecret, newSecret } from './token.util';

interface UserRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  password_hash: string | null;
  disabled: boolean;
}

// Hashed once so that a sign-in for an unknown address costs as much as one for a known address.
const DUMMY_HASH = argon2.hash('not-a-real-password');

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly log = createLogger(AuthService.name);

  constructor(
    private readonly db: DataSource,
    @Inject(REVIEW_OPTIONS) private readonly options: ReviewOptions,
  ) {}

  /** Seeds the bootstrap admin and the integration token, so a fresh install can be signed in to. */
  async onApplicationBootstrap() {
    const admin = this.options.admin;
    if (admin) {
      await this.upsertUser({ email: admin.email, name: 'Administrator', password: admin.password, shopId: 'default', role: 'admin' });
      this.log.info('bootstrap admin is ready');
    }
    if (this.options.apiToken) {
      const owner = admin?.email ?? 'integration@draftdesk.local';
      const userId = admin
        ? await this.userIdByEmail(owner)
        : await this.upsertUser({ email: owner, name: 'Integration', shopId: 'default', role: 'admin' });
      await this.db.query(
        `INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ($1, $2, 'REVIEW_API_TOKEN', $3)
         ON CONFLICT (token_hash) DO UPDATE SET revoked_at = NULL, user_id = EXCLUDED.user_id`,
        [randomUUID(), userId, hashSecret(this.options.apiToken)],
      );
    }
  }

  async upsertUser(u: { email: string; name?: string; password?: string; shopId: string; role: Role; locale?: string }): Promise<string> {
    const hash = u.password ? await argon2.hash(u.password, { type: argon2.argon2id }) : null;
    const [row] = await this.db.query(
      `INSERT INTO users (id, email, name, password_hash, locale) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (lower(email)) DO UPDATE SET name = EXCLUDED.name,
         password_hash = COALESCE(EXCLUDED.password_hash, users.password_hash), locale = EXCLUDED.locale
       RETURNING id`,
      [randomUUID(), u.email, u.name ?? '', hash, u.locale ?? 'en'],
    );
    await this.db.query(
      `INSERT INTO memberships (user_id, shop_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, shop_id) DO UPDATE SET role = EXCLUDED.role`,
      [row.id, u.shopId, u.role],
    );
    return row.id;
  }

  async listUsers(shopId: string) {
    return this.db.query(
      `SELECT u.id, u.email, u.name, u.locale, m.role, u.disabled FROM users u JOIN memberships m ON m.user_id = u.id
        WHERE m.shop_id = $1 ORDER BY u.email`,
      [shopId],
    );
  }

  async isMember(userId: string, shopId: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND shop_id = $2`, [userId, shopId]);
    return rows.length > 0;
  }

  /** Checks a password; null for a wrong password, an unknown address or a disabled account alike. */
  async verifyPassword(email: string, password: string): Promise<string | null> {
    const [user]: UserRow[] = await this.db.query(`SELECT * FROM users WHERE lower(email) = lower($1)`, [email]);
    if (!user?.password_hash || user.disabled) {
      await argon2.verify(await DUMMY_HASH, password).catch(() => false);
      return null;
    }
    return (await argon2.verify(user.password_hash, password)) ? user.id : null;
  }

  async createSession(userId: string): Promise<{ sessionId: string; csrfToken: string; maxAgeSeconds: number }> {
    const sessionId = newSecret();
    const csrfToken = newSecret();
    const maxAgeSeconds = Math.round((this.options.sessionTtlHours ?? DEFAULTS.sessionTtlHours) * 3600);
    await this.db.query(
      `INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [hashSecret(sessionId), userId, csrfToken, maxAgeSeconds],
    );
    // Expired sessions are cleared here rather than by a timer: sign-ins are rare enough and always happen.
    await this.db.query(`DELETE FROM sessions WHERE expires_at < now() - interval '1 day'`);
    return { sessionId, csrfToken, maxAgeSeconds };
  }

  async endSession(sessionId: string) {
    await this.db.query(`DELETE FROM sessions WHERE id_hash = $1`, [hashSecret(sessionId)]);
  }

  async principalForSession(sessionId: string): Promise<Principal | null> {
    const [row] = await this.db.query(
      `SELECT s.user_id, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
      [hashSecret(sessionId)],
    );
    return row ? this.principal(row.user_id, 'session', row.csrf_token) : null;
  }

  async principalForToken(token: string): Promise<Principal | null> {
    const rows = await this.db.query(
      `UPDATE api_tokens t SET last_used_at = now() FROM users u
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.id = t.user_id AND NOT u.disabled RETURNING t.user_id`,
      [hashSecret(token)],
    );
    const [row] = returnedRows<{ user_id: string }>(rows);
    return row ? this.principal(row.user_id, 'token') : null;
  }

  async createApiToken(userId: string, name: string): Promise<{ id: string; token: string }> {
    const token = newSecret('ddt_');
    const id = randomUUID();
    await this.db.query(`INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ($1, $2, $3, $4)`, [id, userId, name, hashSecret(token)]);
    return { id, token };
  }

  async revokeApiToken(id: string, shopId: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE api_tokens t SET revoked_at = now() FROM memberships m
        WHERE t.id = $1 AND m.user_id = t.user_id AND m.shop_id = $2 AND t.revoked_at IS NULL RETURNING t.id`,
      [id, shopId],
    );
    return returnedRows(rows).length > 0;
  }

  /** An OpenID Connect sign-in maps onto an existing account: by subject, else by a verified email (then linked). */
  async userForOidc(issuer: string, subject: string, email: string | undefined, emailVerified: boolean): Promise<string | null> {
    const [bySubject] = await this.db.query(`SELECT id FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2 AND NOT disabled`, [issuer, subject]);
    if (bySubject) return bySubject.id;
    if (!email || !emailVerified) return null;
    const rows = await this.db.query(
      `UPDATE users SET oidc_issuer = $1, oidc_subject = $2 WHERE lower(email) = lower($3) AND NOT disabled AND oidc_subject IS NULL RETURNING id`,
      [issuer, subject, email],
    );
    const [linked] = returnedRows<{ id: string }>(rows);
    return linked?.id ?? null;
  }

  private async userIdByEmail(email: string): Promise<string> {
    const [row] = await this.db.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [email]);
    return row.id;
  }

  private async principal(userId: string, via: Principal['via'], csrfToken?: string): Promise<Principal | null> {
    const rows: (UserRow & { shop_id: string | null; role: Role | null })[] = await this.db.query(
      `SELECT u.*, m.shop_id, m.role FROM users u LEFT JOIN memberships m ON m.user_id = u.id WHERE u.id = $1`,
      [userId],
    );
    if (rows.length === 0) return null;
    const memberships: Membership[] = rows.filter((r) => r.shop_id).map((r) => ({ shopId: r.shop_id!, role: r.role! }));
    return { userId, email: rows[0].email, name: rows[0].name, locale: rows[0].locale, memberships, via, csrfToken };
  }
}
