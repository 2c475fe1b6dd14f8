import { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether a chat channel's provider authenticates its users, so the customer identity it sends is proof. */
export class ChatChannelIdentity1764204400000 implements MigrationInterface {
  name = 'ChatChannelIdentity1764204400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE chat_channels ADD COLUMN identity_verified boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE chat_channels DROP COLUMN IF EXISTS identity_verified`);
  }
}
