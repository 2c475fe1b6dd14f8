// Owns: (no table: the PostgreSQL NOTIFY channel of live queue events)
import { Injectable } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import { LIVE_CHANNEL } from './live-notification.util';

/** The connection-level side of the live channel: what a client that LISTENs needs to offer. */
export interface NotifyingClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', fn: (msg: { channel: string; payload?: string }) => void): void;
  on(event: 'error' | 'end', fn: (err?: Error) => void): void;
}

/** Queue changes sent to, and heard from, the other replicas on the same database. */
@Injectable()
export class LiveChannelRepository {
  constructor(private readonly db: DataSource) {}

  notify(payload: string): Promise<unknown> {
    return this.db.query(`SELECT pg_notify($1, $2)`, [LIVE_CHANNEL, payload]);
  }

  /** A connection of its own, to LISTEN on (not connected yet). */
  listenerConnection(): QueryRunner {
    return this.db.createQueryRunner();
  }

  /** The client of a connected listener connection. */
  clientOf(runner: QueryRunner): NotifyingClient {
    return (runner as unknown as { databaseConnection: NotifyingClient }).databaseConnection;
  }

  async listen(client: NotifyingClient): Promise<void> {
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
  }
}
