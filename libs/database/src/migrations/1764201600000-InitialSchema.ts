import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764201600000 implements MigrationInterface {
  name = 'InitialSchema1764201600000';

  async up(q: QueryRunner): Promise<void> {
    // Messaging: the transactional outbox and the consumers' inbox.
    await q.query(`
      CREATE TABLE outbox (
        seq           bigserial PRIMARY KEY,
        id            uuid NOT NULL UNIQUE,
        producer      text NOT NULL,
        topic         text NOT NULL,
        key           text NOT NULL,
        value         jsonb NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        claimed_until timestamptz,
        published_at  timestamptz,
        attempts      integer NOT NULL DEFAULT 0,
        last_error    text
      )`);
    await q.query(`CREATE INDEX outbox_unpublished ON outbox (producer, seq) WHERE published_at IS NULL`);
    await q.query(`
      CREATE TABLE inbox (
        consumer     text NOT NULL,
        event_id     uuid NOT NULL,
        topic        text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await q.query(`
      CREATE TABLE dead_letters (
        id          bigserial PRIMARY KEY,
        consumer    text NOT NULL,
        topic       text NOT NULL,
        key         text,
        value       text,
        error       text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);

    // mail-ingest: checkpoints per mailbox folder and the raw source of every message.
    await q.query(`
      CREATE TABLE mailbox_checkpoints (
        mailbox        text NOT NULL,
        folder         text NOT NULL,
        uid_validity   bigint NOT NULL,
        last_uid       bigint NOT NULL DEFAULT 0,
        highest_modseq text,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (mailbox, folder)
      )`);
    await q.query(`
      CREATE TABLE raw_mails (
        id            uuid PRIMARY KEY,
        mailbox       text NOT NULL,
        folder        text NOT NULL,
        uid_validity  bigint,
        uid           bigint,
        message_id    text,
        content_hash  text NOT NULL,
        size          integer NOT NULL,
        source_gz     bytea NOT NULL,
        status        text NOT NULL CHECK (status IN ('accepted', 'quarantined', 'duplicate')),
        error         text,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX raw_mails_uid ON raw_mails (mailbox, folder, uid_validity, uid) WHERE uid IS NOT NULL`,
    );
    await q.query(`CREATE INDEX raw_mails_message_id ON raw_mails (mailbox, message_id)`);
    await q.query(`CREATE INDEX raw_mails_quarantined ON raw_mails (created_at) WHERE status = 'quarantined'`);

    // conversations: customers, conversations and every message in or out.
    await q.query(`
      CREATE TABLE customers (
        id         uuid PRIMARY KEY,
        address    text NOT NULL UNIQUE,
        name       text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE conversations (
        id                 uuid PRIMARY KEY,
        customer_id        uuid NOT NULL REFERENCES customers(id),
        channel            text NOT NULL,
        mailbox            text,
        subject            text NOT NULL DEFAULT '',
        normalized_subject text NOT NULL DEFAULT '',
        token              text NOT NULL UNIQUE,
        chat_session       text UNIQUE,
        status             text NOT NULL DEFAULT 'open',
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX conversations_customer ON conversations (customer_id, updated_at DESC)`);
    await q.query(`
      CREATE TABLE messages (
        id                  uuid PRIMARY KEY,
        conversation_id     uuid NOT NULL REFERENCES conversations(id),
        direction           text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        channel             text NOT NULL,
        external_message_id text NOT NULL,
        in_reply_to         text,
        "references"        text[] NOT NULL DEFAULT '{}',
        from_address        text NOT NULL,
        subject             text NOT NULL DEFAULT '',
        text                text NOT NULL DEFAULT '',
        new_text            text NOT NULL DEFAULT '',
        html                text,
        automated           jsonb NOT NULL DEFAULT '{"automated": false, "kind": null, "reasons": []}',
        attachments         jsonb NOT NULL DEFAULT '[]',
        raw_mail_id         uuid,
        triage              jsonb,
        status              text,
        occurred_at         timestamptz NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX messages_external_id ON messages (channel, direction, external_message_id)`);
    await q.query(`CREATE INDEX messages_conversation ON messages (conversation_id, occurred_at)`);

    // triage and drafter: their results, keyed by the message they are about.
    await q.query(`
      CREATE TABLE triage_results (
        message_id      uuid PRIMARY KEY,
        conversation_id uuid NOT NULL,
        result          jsonb NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE drafts (
        id                  uuid PRIMARY KEY,
        conversation_id     uuid NOT NULL,
        message_id          uuid NOT NULL UNIQUE,
        channel             text NOT NULL,
        language            text NOT NULL,
        intent              text NOT NULL,
        confidence          double precision NOT NULL,
        decision            text NOT NULL,
        reasons             jsonb NOT NULL DEFAULT '[]',
        citations           jsonb NOT NULL DEFAULT '[]',
        body                text,
        outbound_message_id text NOT NULL UNIQUE,
        created_at          timestamptz NOT NULL DEFAULT now()
      )`);

    // review: what a person has to look at, and what they decided.
    await q.query(`
      CREATE TABLE review_items (
        draft_id        uuid PRIMARY KEY,
        conversation_id uuid NOT NULL,
        status          text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'auto_sent', 'escalated', 'ignored')),
        decision        text NOT NULL,
        version         integer NOT NULL DEFAULT 1,
        payload         jsonb NOT NULL,
        body            text,
        decided_by      text,
        decided_at      timestamptz,
        reject_reason   text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX review_items_queue ON review_items (status, created_at)`);
    await q.query(`
      CREATE TABLE audit_log (
        id         bigserial PRIMARY KEY,
        actor      text NOT NULL,
        action     text NOT NULL,
        entity     text NOT NULL,
        entity_id  text NOT NULL,
        before     jsonb,
        after      jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // mail-send: one row per reply, PENDING → SENDING → SENT | FAILED.
    await q.query(`
      CREATE TABLE outbound_mails (
        draft_id        uuid PRIMARY KEY,
        conversation_id uuid NOT NULL,
        message_id      text NOT NULL UNIQUE,
        to_address      text NOT NULL,
        status          text NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
        attempts        integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error      text,
        payload         jsonb NOT NULL,
        sent_at         timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX outbound_mails_due ON outbound_mails (next_attempt_at) WHERE status IN ('PENDING', 'SENDING')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'outbound_mails',
      'audit_log',
      'review_items',
      'drafts',
      'triage_results',
      'messages',
      'conversations',
      'customers',
      'raw_mails',
      'mailbox_checkpoints',
      'dead_letters',
      'inbox',
      'outbox',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
