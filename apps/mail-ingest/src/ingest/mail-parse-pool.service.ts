import { MailParseError, ParsedMail, ParseOptions } from '@draftdesk/mail';
import { createLogger } from '@draftdesk/observability';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { MAIL_INGEST_OPTIONS, MailIngestOptions, MailParseSettings, mailParseSettings } from './mail-ingest.options';
import { parseToOutcome, ParseOutcome, ParseTask } from './parse-mail.worker';

/**
 * Parses mail in worker threads. MIME decoding, HTML conversion and reply stripping of a 20 MB body or deeply nested
 * HTML take seconds of CPU; on the main thread that would stall every socket of the process (health checks, the
 * review API, other SMTP clients). A task that runs past its time or memory is stopped with its worker, and the
 * mail comes back as a MailParseError, which the caller keeps and quarantines.
 */
@Injectable()
export class MailParsePool implements OnModuleDestroy {
  private readonly log = createLogger(MailParsePool.name);
  private readonly settings: MailParseSettings;
  private readonly ownDomains: string[];
  private readonly pool: Piscina<ParseTask, ParseOutcome> | null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(@Inject(MAIL_INGEST_OPTIONS) options: MailIngestOptions) {
    this.settings = options.parse ?? mailParseSettings({});
    this.ownDomains = options.ownDomains;
    // The compiled worker sits beside this file in dist/; run from TypeScript sources (tests, DRAFTDESK_DEV) there is
    // none, and parsing stays on the main thread.
    const worker = join(__dirname, 'parse-mail.worker.js');
    this.pool = existsSync(worker)
      ? new Piscina<ParseTask, ParseOutcome>({
          filename: worker,
          name: 'default',
          minThreads: 1,
          maxThreads: this.settings.workers,
          idleTimeout: 60_000,
          resourceLimits: { maxOldGenerationSizeMb: this.settings.workerMemoryMb },
        })
      : null;
    if (!this.pool) this.log.warn('no compiled parse worker beside the service: mail is parsed on the main thread');
  }

  get parseOptions(): ParseOptions {
    const { timeoutMs, maxTextChars, maxHtmlChars } = this.settings;
    return { timeoutMs, maxTextChars, maxHtmlChars, ownDomains: this.ownDomains };
  }

  async parse(raw: Buffer): Promise<ParsedMail | MailParseError> {
    const outcome = this.pool ? await this.inWorker(this.pool, raw) : await parseToOutcome(raw, this.parseOptions);
    return outcome.ok ? outcome.mail : new MailParseError(outcome.code, outcome.message);
  }

  private async inWorker(pool: Piscina<ParseTask, ParseOutcome>, raw: Buffer): Promise<ParseOutcome> {
    // Tasks are handed over only when a worker is free, so a message's time limit counts its own parsing and not
    // the wait behind a batch of others.
    await this.slot();
    try {
      const signal = AbortSignal.timeout(this.settings.timeoutMs + 1_000);
      return await pool.run({ raw, options: this.parseOptions }, { signal });
    } catch (error) {
      return this.failure(error as Error & { code?: string });
    } finally {
      this.release();
    }
  }

  private failure(error: Error & { code?: string }): ParseOutcome {
    if (error.name === 'AbortError') {
      this.log.warn('mail parsing ran past its time limit: worker stopped');
      return { ok: false, code: 'TIMEOUT', message: `parsing took longer than ${this.settings.timeoutMs} ms` };
    }
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      this.log.warn('mail parsing ran out of its memory limit: worker stopped');
      return { ok: false, code: 'TOO_LARGE', message: `parsing needed more than ${this.settings.workerMemoryMb} MB` };
    }
    this.log.error({ err: error }, 'mail parse worker failed');
    return { ok: false, code: 'UNPARSEABLE', message: `parse worker failed: ${error.message}` };
  }

  private slot(): Promise<void> {
    if (this.running < this.settings.workers) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  async onModuleDestroy() {
    await this.pool?.destroy();
  }
}
