import type { Client } from 'pg';

/** Runs one SQL statement and returns its rows, the way TypeORM's query() does. */
export interface SqlRows {
  query<T = any>(sql: string, params?: unknown[]): Promise<T>;
}

/** A plain pg client (the command-line tools hold one) in the shape repositories run their SQL on. */
export function pgRows(client: Client): SqlRows {
  return { query: async (sql, params) => (await client.query(sql, params as unknown[])).rows as any };
}

/** Runs `work` in one transaction on the client: committed when it returns, rolled back when it throws. */
export async function inPgTransaction<T>(client: Client, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The server's version and how many migrations it has applied (0 before the first): what `draftdesk doctor` reports. */
export async function schemaStatus(client: Client): Promise<{ version: string; applied: number }> {
  const [{ server_version: version }] = (await client.query(`SHOW server_version`)).rows;
  const table = (await client.query(`SELECT to_regclass('schema_migrations') AS t`)).rows[0].t;
  const applied = table ? Number((await client.query(`SELECT count(*) AS n FROM schema_migrations`)).rows[0].n) : 0;
  return { version: String(version), applied };
}
