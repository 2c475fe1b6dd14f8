import { Logger } from 'pino';

export interface WorkerPass {
  /** More work is waiting: run again at once. */
  more: boolean;
  /** Otherwise, how long to sleep unless nudged. */
  waitMs: number;
  /** The work is over for good (say, a credential was revoked): the loop ends as stop() would end it. */
  done?: boolean;
}

export interface PollingWorkerOptions {
  /**
   * Takes a failed pass (logs it, tidies up) and says how long to wait before the next one, given how many passes
   * failed in a row; nudges during the failed pass do not cut the wait short. By default the failure is logged as an
   * error and the wait doubles from 400 ms up to maxBackoffMs.
   */
  onFailure?: (error: unknown, failures: number) => number;
  /** Ceiling of the default backoff. */
  maxBackoffMs?: number;
}

/**
 * A background loop acting on committed state (outbox rows, due deliveries, quiet chat turns): runs a pass,
 * sleeps until the next due time or until nudged after a commit, backs off exponentially while passes fail,
 * and stops cleanly between passes.
 */
export class PollingWorker {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private nudged = false;
  private failures = 0;
  private readonly onFailure: (error: unknown, failures: number) => number;

  constructor(
    private readonly pass: () => Promise<WorkerPass>,
    private readonly log: Logger,
    options: PollingWorkerOptions = {},
  ) {
    const maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.onFailure =
      options.onFailure ??
      ((error, failures) => {
        const retryInMs = Math.min(maxBackoffMs, 200 * 2 ** failures);
        this.log.error({ err: error, failures, retryInMs }, 'worker pass failed');
        return retryInMs;
      });
  }

  /** Started and neither stopped nor done: a pass in progress should carry on. */
  get active(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  nudge(): void {
    this.nudged = true;
    // Commits that finish in the same turn of the event loop wake one pass between them, not one each.
    const wake = this.wake;
    if (wake) setImmediate(wake);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let waitMs: number;
      try {
        this.nudged = false;
        const result = await this.pass();
        this.failures = 0;
        if (result.done) this.running = false;
        if (result.more || this.nudged) continue;
        waitMs = result.waitMs;
      } catch (error) {
        this.failures++;
        waitMs = this.onFailure(error, this.failures);
      }
      // Stopped during the pass: no sleep before the loop ends.
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}
