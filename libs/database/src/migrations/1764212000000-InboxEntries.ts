import { MigrationInterface, QueryRunner } from 'typeorm';

/** What one conversation shows in the inbox, from its conversation, customer, desk state, newest draft and message. */
const SOURCE = `
  SELECT c.id AS conversation_id,
         COALESCE(cs.shop_id, ri.shop_id, 'default') AS shop_id,
         c.channel, c.mailbox, c.subject, c.customer_id,
         left(cu.name, 1000) AS customer_name, left(cu.address, 1000) AS customer_address,
         c.updated_at AS last_activity,
         CASE
           WHEN cs.status = 'closed' AND (lm.direction IS DISTINCT FROM 'inbound' OR lm.occurred_at <= cs.closed_at) THEN 'closed'
           WHEN ri.status IN ('pending', 'redraft_requested') THEN 'pending_draft'
           WHEN ri.status = 'rejected' AND ri.close_reason IS NOT NULL THEN 'closed'
           WHEN lm.direction = 'outbound' THEN 'waiting'
           ELSE 'open'
         END AS base_status,
         cs.snoozed_until,
         COALESCE(cs.assignee_id, ri.assignee_id) AS assignee_id,
         CASE WHEN cs.status = 'closed' THEN cs.closed_reason ELSE ri.close_reason END AS closed_reason,
         ri.draft_id, ri.status AS draft_status, ri.intent, ri.language, ri.priority, ri.due_at, ri.sla_breached_at,
         COALESCE(ri.escalated OR ri.status = 'escalated', false) AS escalated,
         lm.direction AS last_direction, lm.occurred_at AS last_message_at,
         -- The customer's name and address as words, the address also in its parts ("sanne.bakker@voorbeeld.nl" is
         -- found by "sanne" and "bakker" too).
         strip(to_tsvector('simple', left(cu.name, 200) || ' ' || left(cu.address, 200) || ' ' ||
                                     translate(left(cu.address, 200), '@:.-_+', '      '))) AS customer_words
    FROM conversations c
    JOIN customers cu ON cu.id = c.customer_id
    LEFT JOIN conversation_states cs ON cs.conversation_id = c.id
    LEFT JOIN LATERAL (
      SELECT r.draft_id, r.status, r.shop_id, r.assignee_id, r.close_reason, r.intent, r.language, r.priority,
             r.due_at, r.sla_breached_at, r.escalated
        FROM review_items r WHERE r.conversation_id = c.id ORDER BY r.created_at DESC LIMIT 1) ri ON true
    LEFT JOIN LATERAL (
      SELECT m.direction, m.occurred_at FROM messages m
       WHERE m.conversation_id = c.id ORDER BY m.occurred_at DESC LIMIT 1) lm ON true
   WHERE c.id = conv`;

const COLUMNS = [
  'shop_id',
  'channel',
  'mailbox',
  'subject',
  'customer_id',
  'customer_name',
  'customer_address',
  'last_activity',
  'base_status',
  'snoozed_until',
  'assignee_id',
  'closed_reason',
  'draft_id',
  'draft_status',
  'intent',
  'language',
  'priority',
  'due_at',
  'sla_breached_at',
  'escalated',
  'last_direction',
  'last_message_at',
  'customer_words',
];

/** The rows the inbox follows, and which of their changes. */
const TRIGGERS = [
  ['inbox_follows_conversation', 'conversations', 'INSERT OR UPDATE'],
  [
    'inbox_follows_customer',
    'customers',
    'UPDATE OF name, address',
    'OLD.name IS DISTINCT FROM NEW.name OR OLD.address IS DISTINCT FROM NEW.address',
  ],
  ['inbox_follows_message', 'messages', 'INSERT OR UPDATE OF conversation_id, direction, occurred_at'],
  [
    'inbox_follows_review_item',
    'review_items',
    `INSERT OR UPDATE OF conversation_id, status, shop_id, assignee_id, close_reason, intent, language, priority,
       due_at, sla_breached_at, escalated, created_at`,
  ],
  ['inbox_follows_state', 'conversation_states', 'INSERT OR UPDATE'],
] as const;

/** A message's words: its subject and the first 100,000 characters of what is new in it. */
const MESSAGE_WORDS = (m: string) => `strip(to_tsvector('simple', left(${m}.subject || ' ' || ${m}.new_text, 100000)))`;

/**
 * The desk's inbox as a table: one row per conversation with everything the inbox filters, sorts and searches by,
 * kept current by PostgreSQL in the transaction that changes a source row (a conversation, its customer, a message,
 * a review item, the desk's state). Lists, searches and counts then read one table through its indexes instead of
 * deriving each conversation's status from four tables on every read (seconds at 100,000 conversations).
 *
 * The only time-dependent status, snoozed, is not stored: a row keeps its status without the snooze and the
 * snooze's end, and the inbox applies it when it reads. The words searched are the customer's name and address and
 * every message's subject and text (the first 100,000 characters of each; a conversation's words stop growing at
 * 500 kB, far below a tsvector's 1 MB, so no message can ever fail to be stored because of the inbox).
 *
 * Written only by these triggers, read only by the review desk. Its source tables belong to the conversations
 * service and the desk; a trigger on them only reads its own conversation's rows and writes this one.
 */
export class InboxEntries1764212000000 implements MigrationInterface {
  name = 'InboxEntries1764212000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inbox_entries (
        conversation_id  uuid PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
        shop_id          text NOT NULL,
        channel          text NOT NULL,
        mailbox          text,
        subject          text NOT NULL,
        customer_id      uuid NOT NULL,
        customer_name    text NOT NULL,
        customer_address text NOT NULL,
        last_activity    timestamptz NOT NULL,
        base_status      text NOT NULL,
        snoozed_until    timestamptz,
        assignee_id      uuid,
        closed_reason    text,
        draft_id         uuid,
        draft_status     text,
        intent           text,
        language         text,
        priority         text,
        due_at           timestamptz,
        sla_breached_at  timestamptz,
        escalated        boolean NOT NULL,
        last_direction   text,
        last_message_at  timestamptz,
        customer_words   tsvector NOT NULL,
        message_words    tsvector NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION inbox_entry_refresh(conv uuid, words tsvector) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        FOR attempt IN 1..3 LOOP
          -- The row is locked before its sources are read: a statement's snapshot is taken when it starts, so a
          -- refresh that waited for another transaction's refresh of the same conversation then reads what that one
          -- committed, and the last transaction to change a conversation leaves its row as all its sources are.
          PERFORM 1 FROM inbox_entries WHERE conversation_id = conv FOR UPDATE;
          IF FOUND THEN
            UPDATE inbox_entries e SET (${COLUMNS.join(', ')}) = (${COLUMNS.map((c) => `s.${c}`).join(', ')}),
                   message_words = CASE WHEN words IS NULL OR pg_column_size(e.message_words) > 500000 THEN e.message_words
                                        ELSE e.message_words || words END
              FROM (${SOURCE}) s
             WHERE e.conversation_id = conv;
            RETURN;
          END IF;
          -- A conversation new to the inbox takes the words of the messages it already has.
          INSERT INTO inbox_entries (conversation_id, ${COLUMNS.join(', ')}, message_words)
          SELECT s.conversation_id, ${COLUMNS.map((c) => `s.${c}`).join(', ')},
                 COALESCE((SELECT strip(to_tsvector('simple', left(string_agg(left(m.subject || ' ' || m.new_text, 100000), ' '), 200000)))
                             FROM (SELECT subject, new_text FROM messages WHERE conversation_id = conv ORDER BY occurred_at LIMIT 200) m), ''::tsvector)
            FROM (${SOURCE}) s
          ON CONFLICT (conversation_id) DO NOTHING;
          IF FOUND THEN RETURN; END IF;
          -- Nothing inserted: the conversation is gone, or another transaction inserted its row first (update it).
          PERFORM 1 FROM conversations WHERE id = conv;
          IF NOT FOUND THEN RETURN; END IF;
        END LOOP;
      END $$`);
    await q.query(`
      CREATE FUNCTION inbox_entries_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'conversations' THEN
          PERFORM inbox_entry_refresh(NEW.id, NULL);
        ELSIF TG_TABLE_NAME = 'customers' THEN
          -- The conversations first, as every writer of a conversation locks it before its inbox row: a renamed
          -- customer's message locking its inbox rows before its conversation would deadlock with another sender's
          -- message to that conversation.
          PERFORM 1 FROM conversations c WHERE c.customer_id = NEW.id ORDER BY c.id FOR UPDATE;
          PERFORM inbox_entry_refresh(c.id, NULL) FROM conversations c WHERE c.customer_id = NEW.id;
        ELSIF TG_TABLE_NAME = 'messages' AND TG_OP = 'INSERT' THEN
          PERFORM inbox_entry_refresh(NEW.conversation_id, ${MESSAGE_WORDS('NEW')});
        ELSE
          PERFORM inbox_entry_refresh(NEW.conversation_id, NULL);
          IF TG_OP = 'UPDATE' AND OLD.conversation_id IS DISTINCT FROM NEW.conversation_id THEN
            PERFORM inbox_entry_refresh(OLD.conversation_id, NULL);
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    for (const [trigger, table, events, condition] of TRIGGERS as readonly (readonly string[])[])
      await q.query(
        `CREATE TRIGGER ${trigger} AFTER ${events} ON ${table} FOR EACH ROW ${condition ? `WHEN (${condition})` : ''}
         EXECUTE FUNCTION inbox_entries_follow()`,
      );

    await q.query(`SELECT inbox_entry_refresh(id, NULL) FROM conversations`);

    // A list walks the activity index newest first and stops at the page's end. The columns lists filter by are
    // carried in that index, so a walk past many rows that do not match reads the index alone (an index-only scan),
    // not a table row each; the page's rows are read afterwards. The view "mine" and the escalated view have their
    // own. A search reads the words' index and sorts what it finds.
    const activity = 'last_activity DESC, conversation_id DESC';
    await q.query(
      `CREATE INDEX inbox_entries_activity ON inbox_entries (shop_id, ${activity})
         INCLUDE (base_status, snoozed_until, assignee_id, escalated, channel, intent, language, priority, sla_breached_at)`,
    );
    await q.query(`CREATE INDEX inbox_entries_assignee ON inbox_entries (shop_id, assignee_id, ${activity})`);
    await q.query(`CREATE INDEX inbox_entries_escalated ON inbox_entries (shop_id, ${activity}) WHERE escalated`);
    await q.query(
      `CREATE INDEX inbox_entries_snoozed ON inbox_entries (shop_id, snoozed_until) WHERE snoozed_until IS NOT NULL`,
    );
    await q.query(`CREATE INDEX inbox_entries_words ON inbox_entries USING gin ((customer_words || message_words))`);
    // The inbox no longer searches messages and customers themselves (conversations_activity stays: the
    // conversations service lists by it).
    for (const index of ['messages_search', 'customers_address_prefix', 'customers_name_prefix'])
      await q.query(`DROP INDEX IF EXISTS ${index}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [trigger, table] of TRIGGERS) await q.query(`DROP TRIGGER IF EXISTS ${trigger} ON ${table}`);
    await q.query(`DROP FUNCTION IF EXISTS inbox_entries_follow()`);
    await q.query(`DROP FUNCTION IF EXISTS inbox_entry_refresh(uuid, tsvector)`);
    await q.query(`DROP TABLE IF EXISTS inbox_entries`);
    await q.query(
      `CREATE INDEX messages_search ON messages USING gin (to_tsvector('simple', left(subject || ' ' || new_text, 100000)))`,
    );
    await q.query(`CREATE INDEX customers_address_prefix ON customers (lower(left(address, 200)) text_pattern_ops)`);
    await q.query(`CREATE INDEX customers_name_prefix ON customers (lower(left(name, 200)) text_pattern_ops)`);
  }
}
