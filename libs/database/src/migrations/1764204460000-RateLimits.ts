import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters of the review service's sign-in limits (failures, lockouts, requests per address), shared by its replicas.
 * The columns are the ones rate-limiter-flexible's PostgreSQL store reads and writes: `expire` is epoch milliseconds.
 * Keys are hashes, so neither addresses nor account names are stored.
 */
export class RateLimits1764204460000 implements MigrationInterface {
  name = 'RateLimits1764204460000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limits (
        key    varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await q.query(`CREATE INDEX rate_limits_expire ON rate_limits (expire)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS rate_limits`);
  }
}
