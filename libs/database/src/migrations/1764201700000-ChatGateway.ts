import { MigrationInterface, QueryRunner } from 'typeorm';

export class ChatGateway1764201700000 implements MigrationInterface {
  name = 'ChatGateway1764201700000';

  async up(q: QueryRunner): Promise<void> {
    // Channels: routing and limits in clear, every credential sealed with AES-256-GCM (secrets_enc).
    await q.query(`
      CREATE TABLE chat_channels (
        id               text PRIMARY KEY,
        kind             text NOT NULL CHECK (kind IN ('generic', 'whatsapp')),
        callback_url     text,
        api_base_url     text,
        phone_number_id  text,
        rate_per_second  double precision NOT NULL DEFAULT 20,
        rate_burst       integer NOT NULL DEFAULT 40,
        secrets_enc      text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);

    // Standard Webhooks ids seen per channel, kept 24 h: a retry with the same body is acknowledged again, a
    // different body under a seen id is refused.
    await q.query(`
      CREATE TABLE chat_webhook_receipts (
        channel_id   text NOT NULL,
        webhook_id   text NOT NULL,
        body_sha256  text NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel_id, webhook_id)
      )`);
    await q.query(`CREATE INDEX chat_webhook_receipts_age ON chat_webhook_receipts (received_at)`);

    // One row per chat session with messages waiting for the quiet window to pass.
    await q.query(`
      CREATE TABLE chat_sessions (
        channel_id        text NOT NULL,
        session_id        text NOT NULL,
        recipient         text NOT NULL,
        first_pending_at  timestamptz,
        due_at            timestamptz,
        last_message_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel_id, session_id)
      )`);
    await q.query(`CREATE INDEX chat_sessions_due ON chat_sessions (due_at) WHERE due_at IS NOT NULL`);

    // Every customer message as received; turn_id is set when it has been emitted as part of one inbound event.
    await q.query(`
      CREATE TABLE chat_messages (
        id                   uuid PRIMARY KEY,
        channel_id           text NOT NULL,
        session_id           text NOT NULL,
        external_message_id  text NOT NULL,
        customer             jsonb NOT NULL,
        text                 text NOT NULL,
        attachments          jsonb NOT NULL DEFAULT '[]',
        sent_at              timestamptz NOT NULL,
        received_at          timestamptz NOT NULL DEFAULT now(),
        turn_id              uuid
      )`);
    await q.query(`CREATE UNIQUE INDEX chat_messages_external_id ON chat_messages (channel_id, external_message_id)`);
    await q.query(
      `CREATE INDEX chat_messages_pending ON chat_messages (channel_id, session_id, sent_at) WHERE turn_id IS NULL`,
    );

    // Replies to deliver: PENDING → SENDING → SENT | FAILED, one row per draft.
    await q.query(`
      CREATE TABLE chat_deliveries (
        draft_id             uuid PRIMARY KEY,
        conversation_id      uuid NOT NULL,
        channel_id           text NOT NULL,
        session_id           text NOT NULL,
        status               text NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
        attempts             integer NOT NULL DEFAULT 0,
        next_attempt_at      timestamptz NOT NULL DEFAULT now(),
        last_error           text,
        provider_message_id  text,
        payload              jsonb NOT NULL,
        sent_at              timestamptz,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX chat_deliveries_due ON chat_deliveries (next_attempt_at) WHERE status IN ('PENDING', 'SENDING')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'chat_deliveries',
      'chat_messages',
      'chat_sessions',
      'chat_webhook_receipts',
      'chat_channels',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
