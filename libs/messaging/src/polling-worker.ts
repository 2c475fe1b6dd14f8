import { Logger } from 'pino';

export interface WorkerPass {
  /** More work is waiting: run again at once. */
  more: boolean;
  /** Otherwise, how long to sleep unless nudged. */
  waitMs: number;
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

  constructor(
    private readonly pass: () => Promise<WorkerPass>,
    private readonly log: Logger,
    private readonly maxBackoffMs = 30_000,
  ) {}

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
        if (result.more || this.nudged) continue;
        waitMs = result.waitMs;
      } catch (error) {
        this.failures++;
        waitMs = Math.min(this.maxBackoffMs, 200 * 2 ** this.failures);
        this.log.error({ err: error, failures: this.failures, retryInMs: waitMs }, 'worker pass failed');
      }
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
