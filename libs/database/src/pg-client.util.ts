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
