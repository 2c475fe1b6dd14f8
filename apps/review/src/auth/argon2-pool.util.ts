import * as argon2 from 'argon2';
import { Sema } from 'async-sema';

/** Thrown at once, instead of queueing, when every slot is busy and the wait queue is full. */
export class PasswordWorkBusyError extends Error {
  constructor() {
    super('password checks are saturated');
  }
}

export interface BoundedWorkOptions {
  /** Calls running at once. */
  concurrency: number;
  /** Calls allowed to wait for a slot; beyond it a call fails with PasswordWorkBusyError rather than piling up. */
  maxWaiting: number;
}

/** Runs at most `concurrency` calls at once with at most `maxWaiting` queued behind them. */
export class BoundedWork {
  private readonly sema: Sema;
  // Running plus waiting, counted synchronously so that simultaneous callers cannot slip past the bound together.
  private inFlight = 0;

  constructor(private readonly options: BoundedWorkOptions) {
    this.sema = new Sema(options.concurrency);
  }

  /** Every slot busy and the queue full: a call now would be refused. */
  get full(): boolean {
    return this.inFlight >= this.options.concurrency + this.options.maxWaiting;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.full) throw new PasswordWorkBusyError();
    this.inFlight++;
    try {
      await this.sema.acquire();
      try {
        return await work();
      } finally {
        this.sema.release();
      }
    } finally {
      this.inFlight--;
    }
  }
}

/**
 * Every argon2 call of the review service passes here. Each check takes 64 MiB and a libuv thread, which fs and DNS
 * share (4 by default), so a flood of sign-ins gets a bounded share of the process and is answered quickly when it
 * cannot be served, while other requests carry on.
 */
export class Argon2Pool {
  private readonly work: BoundedWork;
  // Hashed once so that checking a password of an unknown account costs as much as a known one.
  private dummyHash?: Promise<string>;

  constructor(options: BoundedWorkOptions) {
    this.work = new BoundedWork(options);
  }

  /** Lets a caller answer "busy" before doing any other work for a check that would be refused. */
  get saturated(): boolean {
    return this.work.full;
  }

  hash(password: string): Promise<string> {
    return this.work.run(() => argon2.hash(password, { type: argon2.argon2id }));
  }

  /** False for a wrong password and for a missing or malformed hash alike; the cost is the same either way. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    if (!hash) {
      this.dummyHash ??= argon2.hash('not-a-real-password', { type: argon2.argon2id });
      const dummy = await this.dummyHash;
      await this.work.run(() => argon2.verify(dummy, password));
      return false;
    }
    return this.work.run(() => argon2.verify(hash, password).catch(() => false));
  }
}
