// Owns: none (PostgreSQL session advisory locks keyed 'mailbox:' || id; no table)
import { Client } from 'pg';

/** The SQL of the per-mailbox advisory locks, run on the lock connection MailboxLeases keeps outside the pool. */
export class MailboxLockRepository {
  constructor(private readonly client: Client) {}

  async tryLock(id: string): Promise<boolean> {
    const [row] = (await this.client.query(`SELECT pg_try_advisory_lock(hashtext('mailbox:' || $1)) AS ok`, [id])).rows;
    return row?.ok === true;
  }

  async unlock(id: string): Promise<void> {
    await this.client.query(`SELECT pg_advisory_unlock(hashtext('mailbox:' || $1))`, [id]);
  }

  /** Throws when the lock session is gone. */
  async ping(): Promise<void> {
    await this.client.query('SELECT 1');
  }
}
