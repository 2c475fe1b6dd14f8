import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * W3C trace context (traceparent, tracestate) of the transaction that wrote an outbox row, so the relay publishes
 * the event with it and the consumer continues the same trace; NULL when nothing was being traced.
 */
export class TraceContext1764209000000 implements MigrationInterface {
  name = 'TraceContext1764209000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN trace_headers jsonb`);
    // A chat turn is emitted after a quiet window, away from the webhook request: its lines keep that context.
    await q.query(`ALTER TABLE chat_messages ADD COLUMN trace_headers jsonb`);
    // A reply is sent by mail-send's worker after the approval was consumed: the row keeps the approval's context.
    await q.query(`ALTER TABLE outbound_mails ADD COLUMN trace_headers jsonb`);
    // An agent approves long after the draft was consumed: the queue item keeps the message's context.
    await q.query(`ALTER TABLE review_items ADD COLUMN trace_headers jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_items DROP COLUMN IF EXISTS trace_headers`);
    await q.query(`ALTER TABLE outbound_mails DROP COLUMN IF EXISTS trace_headers`);
    await q.query(`ALTER TABLE chat_messages DROP COLUMN IF EXISTS trace_headers`);
    await q.query(`ALTER TABLE outbox DROP COLUMN IF EXISTS trace_headers`);
  }
}
