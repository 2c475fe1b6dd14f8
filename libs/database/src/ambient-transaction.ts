import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

const ambient = new AsyncLocalStorage<EntityManager>();

/** Runs `work` with `manager` as the ambient transaction for code that cannot be handed the manager. */
export function withAmbientTransaction<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  return ambient.run(manager, work);
}

/**
 * A query runner that joins the ambient transaction when there is one (an event handler's inbox transaction)
 * and uses the pool otherwise. Reads inside a handler must not wait for a second pooled connection: with a
 * pool of one (the embedded PGlite) that would wait forever.
 */
export function ambientQueryRunner(dataSource: DataSource): {
  query<T = any>(sql: string, params?: unknown[]): Promise<T>;
} {
  return {
    query: (sql, params) => (ambient.getStore() ?? dataSource).query(sql, params),
  };
}
