import { MigrationInterface, QueryRunner } from 'typeorm';

export class Mailboxes1764203800000 implements MigrationInterface {
  name = 'Mailboxes1764203800000';

  async up(q: QueryRunner): Promise<void> {
    // Mailboxes configured through the API, beside the one from the environment. Connection settings in clear,
    // every credential (password, or OAuth client secret + refresh token) sealed with AES-256-GCM in secrets_enc.
    await q.query(`
      CREATE TABLE mailboxes (
        id               uuid PRIMARY KEY,
        name             text NOT NULL UNIQUE,
        imap_host        text NOT NULL,
        imap_port        integer NOT NULL CHECK (imap_port BETWEEN 1 AND 65535),
        tls_mode         text NOT NULL CHECK (tls_mode IN ('tls', 'starttls', 'plain')),
        auth_kind        text NOT NULL CHECK (auth_kind IN ('password', 'xoauth2')),
        username         text NOT NULL,
        oauth_token_url  text,
        oauth_client_id  text,
        oauth_scope      text,
        secrets_enc      text NOT NULL,
        folder           text NOT NULL DEFAULT 'INBOX',
        sent_folder      text,
        from_address     text,
        reply_to         text,
        paused           boolean NOT NULL DEFAULT false,
        status           text NOT NULL DEFAULT 'new',
        last_error       text,
        version          integer NOT NULL DEFAULT 1,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CHECK (auth_kind = 'password' OR (oauth_token_url IS NOT NULL AND oauth_client_id IS NOT NULL))
      )`);
    // The automated-reply cap counts recent automatic sends per conversation and per recipient.
    await q.query(
      `CREATE INDEX outbound_mails_auto_recent_conversation ON outbound_mails (conversation_id, created_at) WHERE (payload->>'autoSent')::boolean`,
    );
    await q.query(
      `CREATE INDEX outbound_mails_auto_recent_recipient ON outbound_mails (lower(to_address), created_at) WHERE (payload->>'autoSent')::boolean`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS outbound_mails_auto_recent_recipient`);
    await q.query(`DROP INDEX IF EXISTS outbound_mails_auto_recent_conversation`);
    await q.query(`DROP TABLE IF EXISTS mailboxes`);
  }
}
