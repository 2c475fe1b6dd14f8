import { returnedRows } from '@draftdesk/database';
import { createLogger } from '@draftdesk/observability';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEFAULTS, REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { Argon2Pool } from './argon2-pool.util';
import { tokenNotFound, userInOtherShop } from './auth.exception';
import { Membership, Principal, Role, ShopAdmin } from './principal';
import { hashSecret, newSecret } from './token.util';

interface UserRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  password_hash: string | null;
  disabled: boolean;
}

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly log = createLogger(AuthService.name);
  private readonly argon: Argon2Pool;

  constructor(
    private readonly db: DataSource,
    @Inject(REVIEW_OPTIONS) private readonly options: ReviewOptions,
  ) {
    this.argon = new Argon2Pool({
      concurrency: options.signIn?.passwordConcurrency ?? DEFAULTS.passwordConcurrency,
      maxWaiting: options.signIn?.passwordQueue ?? DEFAULTS.passwordQueue,
    });
  }

  /** Seeds the bootstrap admin and the integration token, so a fresh install can be signed in to. */
  async onApplicationBootstrap() {
    const admin = this.options.admin;
    if (admin) {
      await this.upsertUser({
        email: admin.email,
        name: 'Administrator',
        password: admin.password,
        shopId: 'default',
        role: 'admin',
      });
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

  async upsertUser(u: {
    email: string;
    name?: string;
    password?: string;
    shopId: string;
    role: Role;
    locale?: string;
  }): Promise<string> {
    const hash = u.password ? await this.argon.hash(u.password) : null;
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

  /**
   * What an admin may do with `POST /v1/users`: create a user in their shop, or give an existing user a role in it.
   * The account itself (password, name, locale) is changed only when every shop the user belongs to is one the
   * caller administers; otherwise an admin of one shop could take over an account used in another.
   */
  async addUserToShop(
    caller: ShopAdmin,
    u: { email: string; name: string; password?: string; role: Role; locale: string },
  ): Promise<string> {
    const hash = u.password ? await this.argon.hash(u.password) : null;
    return this.db.transaction(async (tx) => {
      const inserted: { id: string }[] = await tx.query(
        `INSERT INTO users (id, email, name, password_hash, locale) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (lower(email)) DO NOTHING RETURNING id`,
        [randomUUID(), u.email, u.name, hash, u.locale],
      );
      let userId = inserted[0]?.id;
      if (!userId) {
        // The row lock orders this against another shop's admin adding the same user at the same moment.
        const [existing] = await tx.query(`SELECT id FROM users WHERE lower(email) = lower($1) FOR UPDATE`, [u.email]);
        userId = existing.id as string;
        const foreign = await tx.query(
          `SELECT 1 FROM memberships WHERE user_id = $1 AND NOT (shop_id = ANY($2::text[])) LIMIT 1`,
          [userId, caller.adminOf],
        );
        if (foreign.length > 0) {
          if (hash) throw userInOtherShop('password');
        } else {
          await tx.query(
            `UPDATE users SET name = $2, locale = $3, password_hash = COALESCE($4, password_hash) WHERE id = $1`,
            [userId, u.name, u.locale, hash],
          );
        }
      }
      await tx.query(
        `INSERT INTO memberships (user_id, shop_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, shop_id) DO UPDATE SET role = EXCLUDED.role`,
        [userId, caller.shopId, u.role],
      );
      return userId;
    });
  }

  /** Takes the user's role in this shop away; the account and its other shops stay as they are. */
  async removeFromShop(userId: string, shopId: string): Promise<boolean> {
    const rows = await this.db.query(`DELETE FROM memberships WHERE user_id = $1 AND shop_id = $2 RETURNING user_id`, [
      userId,
      shopId,
    ]);
    return returnedRows(rows).length > 0;
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

  /** True while a password check would be refused at once (PasswordWorkBusyError). */
  get passwordChecksSaturated(): boolean {
    return this.argon.saturated;
  }

  /**
   * Checks a password; null for a wrong password, an unknown address or a disabled account alike, at the same cost.
   * Throws PasswordWorkBusyError when too many checks are already running or waiting.
   */
  async verifyPassword(email: string, password: string): Promise<string | null> {
    const [user]: UserRow[] = await this.db.query(`SELECT * FROM users WHERE lower(email) = lower($1)`, [email]);
    const usable = user && !user.disabled ? user.password_hash : null;
    return (await this.argon.verify(usable, password)) ? user.id : null;
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
    await this.db.query(`INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ($1, $2, $3, $4)`, [
      id,
      userId,
      name,
      hashSecret(token),
    ]);
    return { id, token };
  }

  /**
   * Revokes a token of a user of the caller's shop. A token acts in every shop of its user, so unless it is the
   * caller's own, the caller must administer all of them.
   */
  async revokeApiToken(id: string, caller: ShopAdmin & { userId: string }): Promise<void> {
    const [token] = await this.db.query(
      `SELECT t.user_id, bool_and(m.shop_id = ANY($3::text[])) AS managed FROM api_tokens t
         JOIN memberships m ON m.user_id = t.user_id
        WHERE t.id = $1 AND t.revoked_at IS NULL AND EXISTS (SELECT 1 FROM memberships o WHERE o.user_id = t.user_id AND o.shop_id = $2)
        GROUP BY t.user_id`,
      [id, caller.shopId, caller.adminOf],
    );
    if (!token) throw tokenNotFound();
    if (token.user_id !== caller.userId && !token.managed) throw userInOtherShop();
    await this.db.query(`UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [id]);
  }

  /** An OpenID Connect sign-in maps onto an existing account: by subject, else by a verified email (then linked). */
  async userForOidc(
    issuer: string,
    subject: string,
    email: string | undefined,
    emailVerified: boolean,
  ): Promise<string | null> {
    const [bySubject] = await this.db.query(
      `SELECT id FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2 AND NOT disabled`,
      [issuer, subject],
    );
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
