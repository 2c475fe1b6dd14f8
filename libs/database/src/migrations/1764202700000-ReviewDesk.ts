import { MigrationInterface, QueryRunner } from 'typeorm';

/** The review desk: shops, users and their roles, sessions, API tokens, claims, SLA times and agents' notes. */
export class ReviewDesk1764202700000 implements MigrationInterface {
  name = 'ReviewDesk1764202700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE shops (
        id             text PRIMARY KEY,
        name           text NOT NULL,
        -- {"timezone": "Europe/Amsterdam", "days": {"1": ["09:00", "17:30"], …}} (ISO weekday 1 = Monday)
        business_hours jsonb NOT NULL,
        -- minutes of business time per priority: {"firstResponse": {"urgent": 60, …}, "nextResponse": {…}}
        sla            jsonb NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO shops (id, name, business_hours, sla) VALUES ('default', 'Default shop',
        '{"timezone": "Europe/Amsterdam", "days": {"1": ["09:00", "17:30"], "2": ["09:00", "17:30"], "3": ["09:00", "17:30"], "4": ["09:00", "17:30"], "5": ["09:00", "17:30"]}}',
        '{"firstResponse": {"urgent": 60, "high": 240, "normal": 480, "low": 960}, "nextResponse": {"urgent": 120, "high": 480, "normal": 960, "low": 1440}}')`);
    await q.query(`
      CREATE TABLE users (
        id            uuid PRIMARY KEY,
        email         text NOT NULL,
        name          text NOT NULL DEFAULT '',
        password_hash text,
        oidc_issuer   text,
        oidc_subject  text,
        locale        text NOT NULL DEFAULT 'en',
        disabled      boolean NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email ON users (lower(email))`);
    await q.query(`CREATE UNIQUE INDEX users_oidc ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL`);
    await q.query(`
      CREATE TABLE memberships (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        shop_id text NOT NULL REFERENCES shops(id),
        role    text NOT NULL CHECK (role IN ('agent', 'lead', 'admin')),
        PRIMARY KEY (user_id, shop_id)
      )`);
    // Only hashes of session ids and API tokens are stored: a leaked table grants nothing.
    await q.query(`
      CREATE TABLE sessions (
        id_hash    text PRIMARY KEY,
        user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sessions_expiry ON sessions (expires_at)`);
    await q.query(`
      CREATE TABLE api_tokens (
        id           uuid PRIMARY KEY,
        user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name         text NOT NULL,
        token_hash   text NOT NULL UNIQUE,
        created_at   timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at   timestamptz
      )`);

    await q.query(`ALTER TABLE review_items DROP CONSTRAINT IF EXISTS review_items_status_check`);
    await q.query(`ALTER TABLE review_items ADD CONSTRAINT review_items_status_check
      CHECK (status IN ('pending', 'approved', 'rejected', 'auto_sent', 'escalated', 'ignored', 'redraft_requested'))`);
    await q.query(`
      ALTER TABLE review_items
        ADD COLUMN shop_id          text NOT NULL DEFAULT 'default',
        ADD COLUMN channel          text,
        ADD COLUMN mailbox          text,
        ADD COLUMN intent           text,
        ADD COLUMN language         text,
        ADD COLUMN priority         text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        ADD COLUMN response_kind    text NOT NULL DEFAULT 'first' CHECK (response_kind IN ('first', 'next')),
        ADD COLUMN due_at           timestamptz,
        ADD COLUMN sla_breached_at  timestamptz,
        ADD COLUMN assignee_id      uuid,
        ADD COLUMN escalated        boolean NOT NULL DEFAULT false,
        ADD COLUMN claimed_by       uuid,
        ADD COLUMN claim_expires_at timestamptz,
        ADD COLUMN snoozed_until    timestamptz`);
    await q.query(`CREATE INDEX review_items_shop_queue ON review_items (shop_id, status, due_at)`);
    await q.query(
      `CREATE INDEX review_items_sla ON review_items (due_at) WHERE status = 'pending' AND sla_breached_at IS NULL`,
    );
    await q.query(`ALTER TABLE audit_log ADD COLUMN shop_id text`);
    await q.query(`CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id)`);
    await q.query(`CREATE INDEX audit_log_shop ON audit_log (shop_id, id)`);

    await q.query(`
      CREATE TABLE review_notes (
        id         bigserial PRIMARY KEY,
        shop_id    text NOT NULL,
        draft_id   uuid NOT NULL REFERENCES review_items(draft_id),
        author_id  uuid NOT NULL,
        body       text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX review_notes_draft ON review_notes (draft_id, id)`);
    await q.query(`
      CREATE TABLE redraft_requests (
        id           bigserial PRIMARY KEY,
        shop_id      text NOT NULL,
        draft_id     uuid NOT NULL REFERENCES review_items(draft_id),
        instruction  text NOT NULL,
        requested_by uuid NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    // What a person said the classifier should have answered: the triage model's training data.
    await q.query(`
      CREATE TABLE triage_corrections (
        id              bigserial PRIMARY KEY,
        shop_id         text NOT NULL,
        draft_id        uuid NOT NULL,
        message_id      uuid NOT NULL,
        conversation_id uuid NOT NULL,
        before          jsonb NOT NULL,
        intent          text,
        language        text,
        priority        text,
        corrected_by    uuid NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX triage_corrections_created ON triage_corrections (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'triage_corrections',
      'redraft_requests',
      'review_notes',
      'api_tokens',
      'sessions',
      'memberships',
      'users',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP INDEX IF EXISTS audit_log_shop`);
    await q.query(`DROP INDEX IF EXISTS audit_log_entity`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN IF EXISTS shop_id`);
    await q.query(`
      ALTER TABLE review_items DROP COLUMN shop_id, DROP COLUMN channel, DROP COLUMN mailbox, DROP COLUMN intent,
        DROP COLUMN language, DROP COLUMN priority, DROP COLUMN response_kind, DROP COLUMN due_at, DROP COLUMN sla_breached_at,
        DROP COLUMN assignee_id, DROP COLUMN escalated, DROP COLUMN claimed_by, DROP COLUMN claim_expires_at, DROP COLUMN snoozed_until`);
    await q.query(`DROP TABLE IF EXISTS shops`);
  }
}
