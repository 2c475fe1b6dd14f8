import { createLogger } from '@draftdesk/observability';
import { ForbiddenException, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULTS, REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { AccountRepository } from './account.repository';
import { Argon2Pool } from './argon2-pool.util';
import { lastAdmin, tokenNotFound, userInOtherShop } from './auth.exception';
import { Membership, Principal, Role, ShopAdmin } from './principal';
import { hashSecret, newSecret } from './token.util';

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly log = createLogger(AuthService.name);
  private readonly argon: Argon2Pool;

  constructor(
    private readonly db: DataSource,
    private readonly accounts: AccountRepository,
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
      await this.accounts.upsertIntegrationToken(userId, hashSecret(this.options.apiToken));
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
    const userId = await this.accounts.upsertUser({
      email: u.email,
      name: u.name ?? '',
      passwordHash: hash,
      locale: u.locale ?? 'en',
    });
    await this.accounts.upsertMembership(userId, u.shopId, u.role);
    return userId;
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
      const account = { email: u.email, name: u.name, passwordHash: hash, locale: u.locale };
      let userId = await this.accounts.insertUserIfNew(tx, account);
      if (!userId) {
        // The row lock orders this against another shop's admin adding the same user at the same moment.
        userId = await this.accounts.lockUserByEmail(tx, u.email);
        if (await this.accounts.hasMembershipOutside(tx, userId, caller.adminOf)) {
          if (hash) throw userInOtherShop('password');
        } else {
          await this.accounts.updateAccount(tx, userId, account);
        }
      }
      await this.accounts.upsertMembership(userId, caller.shopId, u.role, tx);
      return userId;
    });
  }

  /**
   * Takes the user's role in this shop away; the account and its other shops stay as they are. False for a
   * non-member; LAST_ADMIN rather than leave the shop without an admin.
   */
  async removeFromShop(userId: string, shopId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await this.keepAnAdmin(tx, userId, shopId, null);
      return this.accounts.removeMembership(userId, shopId, tx);
    });
  }

  /** Gives a member of the shop another role there; false for a non-member, LAST_ADMIN for its only admin. */
  async changeRole(userId: string, shopId: string, role: Role): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if (!(await this.keepAnAdmin(tx, userId, shopId, role))) return false;
      await this.accounts.changeRole(tx, userId, shopId, role);
      return true;
    });
  }

  /** Refuses a change that leaves the shop without an admin; the member's current role, or null for a non-member. */
  private async keepAnAdmin(tx: EntityManager, userId: string, shopId: string, newRole: Role | null) {
    const admins = await this.accounts.lockShopAdmins(tx, shopId);
    const current = await this.accounts.lockMembership(tx, userId, shopId);
    if (current === 'admin' && newRole !== 'admin' && admins.length <= 1) throw lastAdmin(newRole ? 'role' : undefined);
    return current;
  }

  listTokens(caller: ShopAdmin & { userId: string }) {
    const all = caller.adminOf.includes(caller.shopId);
    return this.accounts.listTokens(caller.shopId, caller.userId, caller.adminOf, all);
  }

  async listUsers(shopId: string) {
    return this.accounts.listShopUsers(shopId);
  }

  async isMember(userId: string, shopId: string): Promise<boolean> {
    return this.accounts.isMember(userId, shopId);
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
    const user = await this.accounts.findUserByEmail(email);
    const usable = user && !user.disabled ? user.password_hash : null;
    return (await this.argon.verify(usable, password)) ? user!.id : null;
  }

  async createSession(userId: string): Promise<{ sessionId: string; csrfToken: string; maxAgeSeconds: number }> {
    const sessionId = newSecret();
    const csrfToken = newSecret();
    const maxAgeSeconds = Math.round((this.options.sessionTtlHours ?? DEFAULTS.sessionTtlHours) * 3600);
    // Expired sessions are cleared here rather than by a timer: sign-ins are rare enough and always happen.
    await this.accounts.createSession(hashSecret(sessionId), userId, csrfToken, maxAgeSeconds);
    return { sessionId, csrfToken, maxAgeSeconds };
  }

  async endSession(sessionId: string) {
    await this.accounts.deleteSession(hashSecret(sessionId));
  }

  async principalForSession(sessionId: string): Promise<Principal | null> {
    const row = await this.accounts.findSession(hashSecret(sessionId));
    return row ? this.principal(row.user_id, 'session', row.csrf_token) : null;
  }

  async principalForToken(token: string): Promise<Principal | null> {
    const userId = await this.accounts.useToken(hashSecret(token));
    return userId ? this.principal(userId, 'token') : null;
  }

  async createApiToken(userId: string, name: string): Promise<{ id: string; token: string }> {
    const token = newSecret('ddt_');
    const id = randomUUID();
    await this.accounts.insertToken(id, userId, name, hashSecret(token));
    return { id, token };
  }

  /**
   * Revokes a token of a user of the caller's shop. Anyone may revoke their own; a token acts in every shop of its
   * user, so anyone else's takes an admin of all of them.
   */
  async revokeApiToken(id: string, caller: ShopAdmin & { userId: string }): Promise<void> {
    const token = await this.accounts.findTokenForShop(id, caller.shopId, caller.adminOf);
    if (!token) throw tokenNotFound();
    if (token.user_id !== caller.userId && !caller.adminOf.includes(caller.shopId))
      throw new ForbiddenException({
        code: 'ROLE_REQUIRED',
        message: 'revoking another user’s token needs the admin role',
      });
    if (token.user_id !== caller.userId && !token.managed) throw userInOtherShop();
    await this.accounts.revokeToken(id);
  }

  /** An OpenID Connect sign-in maps onto an existing account: by subject, else by a verified email (then linked). */
  async userForOidc(
    issuer: string,
    subject: string,
    email: string | undefined,
    emailVerified: boolean,
  ): Promise<string | null> {
    const bySubject = await this.accounts.userIdByOidcSubject(issuer, subject);
    if (bySubject) return bySubject;
    if (!email || !emailVerified) return null;
    return this.accounts.linkOidcSubject(issuer, subject, email);
  }

  private async userIdByEmail(email: string): Promise<string> {
    return this.accounts.userIdByEmail(email);
  }

  private async principal(userId: string, via: Principal['via'], csrfToken?: string): Promise<Principal | null> {
    const rows = await this.accounts.userWithMemberships(userId);
    if (rows.length === 0) return null;
    const memberships: Membership[] = rows.filter((r) => r.shop_id).map((r) => ({ shopId: r.shop_id!, role: r.role! }));
    return { userId, email: rows[0].email, name: rows[0].name, locale: rows[0].locale, memberships, via, csrfToken };
  }
}
