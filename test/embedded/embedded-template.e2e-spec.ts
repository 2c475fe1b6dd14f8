import { MIGRATIONS } from '@draftdesk/database';
import { Client } from 'pg';
import { RunningEmbedded, startEmbeddedSandbox } from '../support/embedded-sandbox';
import { freePort } from '../support/services';

/**
 * A first start copies the database the build made (scripts/build.js) instead of running initdb in a second PGlite
 * instance; the copy already holds every migration, and a later start reopens what the first one left.
 */
describe('embedded start: a fresh data directory starts from the build’s database template', () => {
  let suite: RunningEmbedded | null = null;
  let pgPort: number;

  const appliedMigrations = async () => {
    const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:${pgPort}/postgres` });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY id');
      return rows.map((r) => r.name);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    pgPort = await freePort();
    suite = await startEmbeddedSandbox({ LOG_FORMAT: 'json', LOG_LEVEL: 'info', EMBEDDED_PG_PORT: String(pgPort) });
  });

  afterAll(async () => {
    await suite?.stop();
  });

  it('says the database came from the template, with nothing left to migrate', () => {
    expect(suite!.output()).toContain('"msg":"embedded database: a fresh data directory, started from the template');
    expect(suite!.output()).not.toContain('initdb');
    expect(suite!.output()).toContain('"msg":"migrations: schema is up to date"');
  });

  it('has every migration of the build applied, in order', async () => {
    expect(await appliedMigrations()).toEqual(MIGRATIONS.map((Migration) => new Migration().name));
  });
});
