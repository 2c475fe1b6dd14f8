// Owns: users, memberships, sessions, api_tokens
import { returnedRows } from '@draftdesk/database';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from './principal';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  password_hash: string | null;
  disabled: boolean;
}

/** A user's row with one of their memberships (null for a user without any shop). */
export type UserMembershipRow = UserRow & { shop_id: string | null; role: Role | null };

/** A user of a shop as the user list shows it. */
export interface ShopUserRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  role: Role;
  disabled: boolean;
}

/** An API token as the token list shows it: never its secret or hash. */
export interface ApiTokenRow {
  id: string;
  name: string;
  owner: string;
  own: boolean;
  revocable: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** Where a statement runs: the pool, or the caller's transaction. */
type Queryable = Pick<EntityManager, 'query'>;

/** Accounts, their shop memberships, browser sessions and API tokens. Secrets are stored hashed only. */
@Injectable()
export class AccountRepository {
  constructor(private readonly db: DataSource) {}

  /** Creates or updates the account by email (case-insensitive); a null hash keeps the password it has. */
  async upsertUser(u: { email: string; name: string; passwordHash: string | null; locale: string }): Promise<string> {
    const [row] = await this.db.query(
      `INSERT INTO users (id, email, name, password_hash, locale) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (lower(email)) DO UPDATE SET name = EXCLUDED.name,
         password_hash = COALESCE(EXCLUDED.password_hash, users.password_hash), locale = EXCLUDED.locale
       RETURNING id`,
      [randomUUID(), u.email, u.name, u.passwordHash, u.locale],
    );
    return row.id;
  }

  /** The new account's id, or null when the email is taken. */
  async insertUserIfNew(
    m: Queryable,
    u: { email: string; name: string; passwordHash: string | null; locale: string },
  ): Promise<string | null> {
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO users (id, email, name, password_hash, locale) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (lower(email)) DO NOTHING RETURNING id`,
      [randomUUID(), u.email, u.name, u.passwordHash, u.locale],
    );
    return inserted[0]?.id ?? null;
  }

  /** The account's id, its row locked until the caller's transaction ends. */
  async lockUserByEmail(m: Queryable, email: string): Promise<string> {
    const [existing] = await m.query(`SELECT id FROM users WHERE lower(email) = lower($1) FOR UPDATE`, [email]);
    return existing.id as string;
  }

  /** True when the user belongs to a shop outside `shopIds`. */
  async hasMembershipOutside(m: Queryable, userId: string, shopIds: string[]): Promise<boolean> {
    const foreign = await m.query(
      `SELECT 1 FROM memberships WHERE user_id = $1 AND NOT (shop_id = ANY($2::text[])) LIMIT 1`,
      [userId, shopIds],
    );
    return foreign.length > 0;
  }

  /** Name and locale; the password only when a new hash is given. */
  async updateAccount(
    m: Queryable,
    userId: string,
    u: { name: string; locale: string; passwordHash: string | null },
  ): Promise<void> {
    await m.query(
      `UPDATE users SET name = $2, locale = $3, password_hash = COALESCE($4, password_hash) WHERE id = $1`,
      [userId, u.name, u.locale, u.passwordHash],
    );
  }

  async upsertMembership(userId: string, shopId: string, role: Role, m: Queryable = this.db): Promise<void> {
    await m.query(
      `INSERT INTO memberships (user_id, shop_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, shop_id) DO UPDATE SET role = EXCLUDED.role`,
      [userId, shopId, role],
    );
  }

  async removeMembership(userId: string, shopId: string, m: Queryable = this.db): Promise<boolean> {
    const rows = await m.query(`DELETE FROM memberships WHERE user_id = $1 AND shop_id = $2 RETURNING user_id`, [
      userId,
      shopId,
    ]);
    return returnedRows(rows).length > 0;
  }

  /** The user's role in the shop, null for a non-member; the membership row locked until the transaction ends. */
  async lockMembership(m: Queryable, userId: string, shopId: string): Promise<Role | null> {
    const [row] = await m.query(`SELECT role FROM memberships WHERE user_id = $1 AND shop_id = $2 FOR UPDATE`, [
      userId,
      shopId,
    ]);
    return row?.role ?? null;
  }

  /** The shop's admins, their memberships locked: two admins demoting each other at once cannot both succeed. */
  async lockShopAdmins(m: Queryable, shopId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await m.query(
      `SELECT user_id FROM memberships WHERE shop_id = $1 AND role = 'admin' ORDER BY user_id FOR UPDATE`,
      [shopId],
    );
    return rows.map((r) => r.user_id);
  }

  async changeRole(m: Queryable, userId: string, shopId: string, role: Role): Promise<void> {
    await m.query(`UPDATE memberships SET role = $3 WHERE user_id = $1 AND shop_id = $2`, [userId, shopId, role]);
  }

  listShopUsers(shopId: string): Promise<ShopUserRow[]> {
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

  async findUserByEmail(email: string): Promise<UserRow | null> {
    const [user]: UserRow[] = await this.db.query(`SELECT * FROM users WHERE lower(email) = lower($1)`, [email]);
    return user ?? null;
  }

  async userIdByEmail(email: string): Promise<string> {
    const [row] = await this.db.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [email]);
    return row.id;
  }

  /** The user with every membership: one row per shop, or one row without a shop. */
  userWithMemberships(userId: string): Promise<UserMembershipRow[]> {
    return this.db.query(
      `SELECT u.*, m.shop_id, m.role FROM users u LEFT JOIN memberships m ON m.user_id = u.id WHERE u.id = $1`,
      [userId],
    );
  }

  /** Records a session (by the hash of its id); sessions expired for over a day are cleared on the way. */
  async createSession(idHash: string, userId: string, csrfToken: string, maxAgeSeconds: number): Promise<void> {
    await this.db.query(
      `INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [idHash, userId, csrfToken, maxAgeSeconds],
    );
    await this.db.query(`DELETE FROM sessions WHERE expires_at < now() - interval '1 day'`);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.query(`DELETE FROM sessions WHERE id_hash = $1`, [idHash]);
  }

  /** The live session of an enabled user. */
  async findSession(idHash: string): Promise<{ user_id: string; csrf_token: string } | null> {
    const [row] = await this.db.query(
      `SELECT s.user_id, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
      [idHash],
    );
    return row ?? null;
  }

  /**
   * The user of a live token of an enabled user, marking the token used at most once a minute: one integration or
   * a whole team's requests on one token would otherwise all wait on the same row and each pay a commit.
   */
  async useToken(tokenHash: string): Promise<string | null> {
    const [row] = await this.db.query<{ user_id: string }[]>(
      `WITH live AS (
         SELECT t.id, t.user_id, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id
          WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT u.disabled),
       touched AS (
         UPDATE api_tokens t SET last_used_at = now() FROM live
          WHERE t.id = live.id AND (live.last_used_at IS NULL OR live.last_used_at < now() - interval '1 minute'))
       SELECT user_id FROM live`,
      [tokenHash],
    );
    return row?.user_id ?? null;
  }

  async insertToken(id: string, userId: string, name: string, tokenHash: string): Promise<void> {
    await this.db.query(`INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ($1, $2, $3, $4)`, [
      id,
      userId,
      name,
      tokenHash,
    ]);
  }

  /** The configured integration token: created, or given back to its owner and un-revoked. */
  async upsertIntegrationToken(userId: string, tokenHash: string): Promise<void> {
    await this.db.query(
      `INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ($1, $2, 'REVIEW_API_TOKEN', $3)
       ON CONFLICT (token_hash) DO UPDATE SET revoked_at = NULL, user_id = EXCLUDED.user_id`,
      [randomUUID(), userId, tokenHash],
    );
  }

  /**
   * A live token of a user of `shopId`: its owner, and whether every shop of that owner is one of `adminOf`.
   * Null when there is no such token.
   */
  async findTokenForShop(
    id: string,
    shopId: string,
    adminOf: string[],
  ): Promise<{ user_id: string; managed: boolean } | null> {
    const [token] = await this.db.query(
      `SELECT t.user_id, bool_and(m.shop_id = ANY($3::text[])) AS managed FROM api_tokens t
         JOIN memberships m ON m.user_id = t.user_id
        WHERE t.id = $1 AND t.revoked_at IS NULL AND EXISTS (SELECT 1 FROM memberships o WHERE o.user_id = t.user_id AND o.shop_id = $2)
        GROUP BY t.user_id`,
      [id, shopId, adminOf],
    );
    return token ?? null;
  }

  /**
   * Live tokens of the shop's users (only the caller's own unless `all`), newest first, never their secret. A token
   * is revocable by the caller when it is theirs or every shop of its owner is one of `adminOf`.
   */
  listTokens(shopId: string, callerId: string, adminOf: string[], all: boolean): Promise<ApiTokenRow[]> {
    return this.db.query(
      `SELECT t.id, t.name, u.email AS owner, t.user_id = $2 AS own, t.created_at AS "createdAt",
              t.last_used_at AS "lastUsedAt",
              (t.user_id = $2 OR NOT EXISTS (SELECT 1 FROM memberships o
                 WHERE o.user_id = t.user_id AND NOT (o.shop_id = ANY($3::text[])))) AS revocable
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.revoked_at IS NULL AND ($4 OR t.user_id = $2)
          AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = t.user_id AND m.shop_id = $1)
        ORDER BY t.created_at DESC, t.id`,
      [shopId, callerId, adminOf, all],
    );
  }

  async revokeToken(id: string): Promise<void> {
    await this.db.query(`UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [id]);
  }

  async userIdByOidcSubject(issuer: string, subject: string): Promise<string | null> {
    const [bySubject] = await this.db.query(
      `SELECT id FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2 AND NOT disabled`,
      [issuer, subject],
    );
    return bySubject?.id ?? null;
  }

  /** Links the OIDC subject to the enabled, not yet linked account with this email; its id, or null. */
  async linkOidcSubject(issuer: string, subject: string, email: string): Promise<string | null> {
    const rows = await this.db.query(
      `UPDATE users SET oidc_issuer = $1, oidc_subject = $2 WHERE lower(email) = lower($3) AND NOT disabled AND oidc_subject IS NULL RETURNING id`,
      [issuer, subject, email],
    );
    const [linked] = returnedRows<{ id: string }>(rows);
    return linked?.id ?? null;
  }
}
