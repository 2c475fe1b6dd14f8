import { runMigrations } from '@draftdesk/database';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { engines } from './engines';

export interface TestDatabase {
  url: string;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A database of its own for one test file, migrated with the real migrations (unless told not to), dropped afterwards. */
export async function createTestDatabase(label: string, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `dd_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: engines.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(engines.databaseUrl);
  url.pathname = `/${name}`;
  if (options.migrate !== false) await runMigrations({ url: url.toString(), poolSize: 2 });
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  return {
    url: url.toString(),
    query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
    async drop() {
      await client.end();
      const a = new Client({ connectionString: engines.databaseUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
