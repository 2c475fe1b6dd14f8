import * as argon2 from 'argon2';
import { Sema } from 'async-sema';

/** Thrown at once, instead of queueing, when the pool and its wait queue are full. */
export class PasswordWorkBusyError extends Error {
  constructor() {
    super('password checks are saturated');
  }
}

export interface Argon2PoolOptions {
  /** Hashes running at once. Each takes 64 MiB and one libuv thread, which fs and DNS share (4 threads by default). */
  concurrency: number;
  /** Calls allowed to wait for a slot; beyond it a call fails with PasswordWorkBusyError rather than piling up. */
  maxWaiting: number;
}

/**
 * Every argon2 call of the review service passes here, so a flood of sign-ins costs a bounded amount of memory and
 * threads and answers quickly when it cannot be served, while other requests keep their share of the process.
 */
export class Argon2Pool {
  private readonly sema: Sema;
  // Hashed once (through the pool) so that checking a password of an unknown account costs as much as a known one.
  private dummyHash?: Promise<string>;

  constructor(private readonly options: Argon2PoolOptions) {
    this.sema = new Sema(options.concurrency);
  }

  hash(password: string): Promise<string> {
    return this.run(() => argon2.hash(password, { type: argon2.argon2id }));
  }

  /** False for a wrong password and for a missing or malformed hash alike; the cost is the same either way. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    if (!hash) {
      this.dummyHash ??= argon2.hash('not-a-real-password', { type: argon2.argon2id });
      const dummy = await this.dummyHash;
      await this.run(() => argon2.verify(dummy, password));
      return false;
    }
    return this.run(() => argon2.verify(hash, password).catch(() => false));
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    // nrWaiting counts only callers queued behind busy slots, so a free slot is always taken.
    if (this.sema.nrWaiting() >= this.options.maxWaiting) throw new PasswordWorkBusyError();
    await this.sema.acquire();
    try {
      return await work();
    } finally {
      this.sema.release();
    }
  }
}
