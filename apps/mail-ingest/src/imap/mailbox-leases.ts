import { createLogger } from '@draftdesk/observability';
import { Client, ClientConfig } from 'pg';
import { DataSource } from 'typeorm';
import { MailboxLockRepository } from './mailbox-lock.repository';

/**
 * Which replica watches which database mailbox: a PostgreSQL session advisory lock per mailbox, all held on one
 * connection of their own (outside the pool, so no transaction ever runs on it). A replica that dies loses its
 * session and with it every lock, so another replica's next reconciliation takes its mailboxes over.
 */
export class MailboxLeases {
  private readonly log = createLogger(MailboxLeases.name);
  private client: Client | null = null;
  private broken = false;
  private readonly held = new Set<string>();

  constructor(private readonly dataSource: DataSource) {}

  holds(id: string): boolean {
    return this.held.has(id);
  }

  async tryAcquire(id: string): Promise<boolean> {
    if (this.held.has(id)) return true;
    const locks = new MailboxLockRepository(await this.connection());
    if (await locks.tryLock(id)) this.held.add(id);
    return this.held.has(id);
  }

  async release(id: string): Promise<void> {
    if (!this.held.delete(id) || !this.client) return;
    await new MailboxLockRepository(this.client).unlock(id).catch(() => undefined);
  }

  /**
   * False when the lock session is gone (database restart, network cut): the server has released its locks and
   * another replica may already be watching, so the caller must stop every watcher it ran under them.
   */
  async check(): Promise<boolean> {
    if (!this.client) return true;
    if (!this.broken) {
      try {
        await new MailboxLockRepository(this.client).ping();
        return true;
      } catch (error) {
        this.log.warn({ err: error }, 'mailbox lock connection lost');
      }
    }
    await this.drop();
    return false;
  }

  async close(): Promise<void> {
    await this.drop();
  }

  private async connection(): Promise<Client> {
    if (this.client && !this.broken) return this.client;
    if (this.client) await this.drop();
    const pool = (this.dataSource.driver as unknown as { master: { options: ClientConfig } }).master;
    const client = new Client({
      ...pool.options,
      application_name: `${pool.options.application_name ?? 'draftdesk'}-mailbox-locks`,
    });
    client.on('error', (error) => {
      this.broken = true;
      this.log.warn({ err: error }, 'mailbox lock connection failed');
    });
    await client.connect();
    this.client = client;
    this.broken = false;
    return client;
  }

  private async drop() {
    const client = this.client;
    this.client = null;
    this.broken = false;
    this.held.clear();
    await client?.end().catch(() => undefined);
  }
}
