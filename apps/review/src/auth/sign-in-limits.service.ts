import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import {
  IRateLimiterStoreOptions,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { DEFAULTS, REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { AuthErrorCode, retryLater } from './auth.exception';
import { clientAddress, lockoutSeconds } from './sign-in-limits.util';

const HOUR = 3600;
const DAY = 24 * HOUR;
// Failures of one account from all addresses, or of one address on all accounts, that count as an attack.
const SPREAD_FACTOR = 4;

/**
 * Sign-in limits kept in PostgreSQL (table rate_limits), so that every replica counts the same failures:
 * - one account from one address: after `maxFailures` failures in an hour that pair is locked out, each further
 *   failure locks it again for twice as long, up to `lockoutMaxSeconds`; a success clears it;
 * - one account from all addresses: past SPREAD_FACTOR × `maxFailures` failures every address gets a single try
 *   before its own lockout. The account is never locked as such, so a person on a new address still gets in;
 * - one address on all accounts: past SPREAD_FACTOR × `maxFailures` failures the address is locked out the same way;
 * - any request of one address to an endpoint that needs no sign-in: `publicPerMinute` per replica.
 * An attempt counts as a failure from the moment it starts until its password proves right, so parallel guesses
 * cannot all get in before the first failure is recorded. Locked attempts are refused before any password is
 * checked, so they cost neither argon2 time nor a new failure.
 * After a lockout exactly one attempt is let through; if it fails, the next, longer lockout follows.
 */
@Injectable()
export class SignInLimitsService {
  private readonly maxFailures: number;
  private readonly lockoutBase: number;
  private readonly lockoutMax: number;
  private readonly trustedProxies: number;
  private readonly publicRequests: RateLimiterMemory;
  private readonly pairFailures: RateLimiterPostgres;
  private readonly accountFailures: RateLimiterPostgres;
  private readonly addressFailures: RateLimiterPostgres;
  private readonly strikes: RateLimiterPostgres;
  private readonly locks: RateLimiterPostgres;

  constructor(db: DataSource, @Inject(REVIEW_OPTIONS) options: ReviewOptions) {
    const o = options.signIn ?? {};
    this.maxFailures = o.maxFailures ?? DEFAULTS.maxFailures;
    this.lockoutBase = o.lockoutSeconds ?? DEFAULTS.lockoutSeconds;
    this.lockoutMax = Math.max(o.lockoutMaxSeconds ?? DEFAULTS.lockoutMaxSeconds, this.lockoutBase);
    this.trustedProxies = o.trustedProxies ?? DEFAULTS.trustedProxies;
    const store = (
      keyPrefix: string,
      points: number,
      duration: number,
      extra: Partial<IRateLimiterStoreOptions> = {},
    ) =>
      new RateLimiterPostgres({
        ...{
          storeClient: db,
          storeType: 'typeorm',
          tableName: 'rate_limits',
          tableCreated: true,
          keyPrefix,
          points,
          duration,
        },
        // They share one table: one of them sweeping expired rows (every 5 minutes) is enough.
        clearExpiredByTimeout: keyPrefix === 'signin-lock',
        ...extra,
      });
    const perMinute = o.publicPerMinute ?? DEFAULTS.publicPerMinute;
    // Counted per replica in memory: every request of a flood from one address would otherwise update the same row,
    // queueing on its lock while holding pool connections that signed-in users need.
    this.publicRequests = new RateLimiterMemory({ keyPrefix: 'public', points: perMinute, duration: 60 });
    this.pairFailures = store('signin-pair', this.maxFailures, HOUR);
    this.accountFailures = store('signin-account', SPREAD_FACTOR * this.maxFailures, HOUR);
    this.addressFailures = store('signin-address', SPREAD_FACTOR * this.maxFailures, HOUR);
    this.strikes = store('signin-strikes', 1_000_000, DAY);
    this.locks = store('signin-lock', 1, 1);
  }

  addressOf(req: Request): string {
    return clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], this.trustedProxies);
  }

  /** Counts one request of the caller to an endpoint that needs no sign-in; 429 past the per-address limit. */
  async countPublicRequest(req: Request, res: Response): Promise<void> {
    try {
      await this.publicRequests.consume(keyOf(this.addressOf(req)));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw retryLater(
        res,
        rejection.msBeforeNext / 1000,
        AuthErrorCode.RateLimited,
        'too many requests from your address; try again later',
      );
    }
  }

  /**
   * Before a password is checked: 429 while this account is locked out for this address, or the address is.
   * The attempt is counted here, atomically, as a failure until it succeeds, so that parallel attempts cannot all
   * slip in before the first failure is recorded.
   */
  async assertMayTry(email: string, address: string, res: Response): Promise<void> {
    const keys = this.keys(email, address);
    const held = await Promise.all([this.locks.get(keys.pair), this.locks.get(keys.address)]);
    const waitMs = Math.max(0, ...held.map((r) => (r && r.consumedPoints > 1 ? r.msBeforeNext : 0)));
    if (waitMs > 0) throw this.tooMany(res, waitMs);
    // Over the count without a lock: another attempt of this client is being checked right now.
    if (!(await counted(this.pairFailures.consume(keys.pair)))) throw this.tooMany(res, 1000);
    if (!(await counted(this.addressFailures.consume(keys.address)))) {
      await this.pairFailures.reward(keys.pair);
      throw this.tooMany(res, 1000);
    }
  }

  /** After a wrong password: the pre-counted failure stands; lock out what crossed its threshold. */
  async recordFailure(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    const [pair, account, byAddress] = await Promise.all([
      this.pairFailures.get(keys.pair),
      this.accountFailures.penalty(keys.account),
      this.addressFailures.get(keys.address),
    ]);
    const addressLimit = SPREAD_FACTOR * this.maxFailures;
    const locking: Promise<void>[] = [];
    if ((pair?.consumedPoints ?? 0) >= this.maxFailures || account.consumedPoints >= addressLimit) {
      locking.push(this.lock(keys.pair, this.pairFailures, this.maxFailures));
    }
    if ((byAddress?.consumedPoints ?? 0) >= addressLimit)
      locking.push(this.lock(keys.address, this.addressFailures, addressLimit));
    await Promise.all(locking);
  }

  /** A right password takes back its pre-counted failure and clears what this address did wrong on this account. */
  async recordSuccess(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    await Promise.all([
      this.pairFailures.delete(keys.pair),
      this.strikes.delete(keys.pair),
      this.addressFailures.reward(keys.address),
    ]);
  }

  /** An attempt that was turned away before its password was checked does not count. */
  async refund(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    await Promise.all([this.pairFailures.reward(keys.pair), this.addressFailures.reward(keys.address)]);
  }

  private tooMany(res: Response, waitMs: number) {
    return retryLater(res, waitMs / 1000, AuthErrorCode.TooManyAttempts, 'too many failed sign-ins; try again later');
  }

  /** Locks `key` for its next, longer window, after which exactly one more attempt is let through. */
  private async lock(key: string, failures: RateLimiterPostgres, limit: number): Promise<void> {
    const strike = await this.strikes.penalty(key);
    const seconds = lockoutSeconds(strike.consumedPoints, this.lockoutBase, this.lockoutMax);
    await Promise.all([this.locks.block(key, seconds), failures.set(key, limit - 1, HOUR)]);
  }

  private keys(email: string, address: string) {
    const account = email.trim().toLowerCase();
    return { pair: keyOf(`${account}\n${address}`), account: keyOf(account), address: keyOf(address) };
  }
}

/** False when the limiter refused the point; store errors are thrown. */
async function counted(consuming: Promise<RateLimiterRes>): Promise<boolean> {
  try {
    await consuming;
    return true;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false;
    throw rejection;
  }
}

/** Keys are hashed: bounded length, and no addresses or account names at rest. */
function keyOf(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
