import type { TestDatabase } from '../test/support/database';

/** What customers write, in English and Dutch; each message adds an order number. */
const TEXTS = [
  'Where is my parcel? It has not arrived yet.',
  'I would like to return the jacket, it is too small.',
  'The blender arrived broken, can I get a refund?',
  'Can I change the delivery address of my order?',
  'My invoice shows the wrong amount.',
  'Waar blijft mijn pakket? Het is nog niet bezorgd.',
  'Ik wil de jas retourneren, hij is te klein.',
  'De blender is kapot aangekomen, krijg ik mijn geld terug?',
  'Kan ik het bezorgadres van mijn bestelling wijzigen?',
  'Op mijn factuur staat het verkeerde bedrag.',
];
const FIRST = [
  'Sanne',
  'Daan',
  'Emma',
  'Liam',
  'Julia',
  'Noah',
  'Olivia',
  'James',
  'Fleur',
  'Bram',
  'Sophie',
  'Oliver',
];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smith', 'Brown', 'Taylor', 'Mulder', 'de Boer', 'Wilson'];

/** 100,000 conversations (or as many as asked) and the shop's agents, with generate_series: seconds, not the pipeline. */
export async function seedInbox(db: TestDatabase, conversations: number, agents: number) {
  // Rows written without the inbox's triggers, then each conversation's inbox row made once (as the migration does
  // for the conversations it finds): a third of the time of keeping every row current through each insert.
  await db.query(`SET session_replication_role = replica`);
  const list = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;
  await db.query(
    `INSERT INTO users (id, email, name) SELECT gen_random_uuid(), 'agent' || i || '@shop.test', 'Agent ' || i FROM generate_series(1, $1) i`,
    [agents - 1],
  );
  await db.query(`INSERT INTO memberships (user_id, shop_id, role) SELECT id, 'default', 'agent' FROM users`);
  await db.query(
    `INSERT INTO customers (id, address, name)
     SELECT gen_random_uuid(), CASE WHEN i % 5 = 0 THEN 'chat:shop-web:cust-' || i ELSE 'customer' || i || '@example.test' END,
            (${list(FIRST)})[1 + i % ${FIRST.length}] || ' ' || (${list(LAST)})[1 + (i / 7) % ${LAST.length}]
       FROM generate_series(1, $1) i`,
    [conversations],
  );
  // Stored in the order of their last activity, as a desk's rows are: a conversation's row is written anew at each
  // message, so the recently active ones sit together at the table's end, not scattered over it.
  await db.query(`INSERT INTO conversations (id, customer_id, channel, mailbox, subject, normalized_subject, token, updated_at)
                  SELECT * FROM (
                    SELECT gen_random_uuid(), id, CASE WHEN address LIKE 'chat:%' THEN 'chat' ELSE 'email' END, 'support@shop.test',
                           'Question', 'question', md5(id::text), now() - random() * interval '30 days' AS updated_at FROM customers) c
                   ORDER BY updated_at`);
  // Every conversation starts with the customer; two in five have our reply last (sent, one in ten of those failed).
  await db.query(`INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, subject, text, new_text, occurred_at)
                  SELECT gen_random_uuid(), c.id, 'inbound', c.channel, c.id::text || '@example.test', 'x@example.test', 'Question', t.text, t.text,
                         c.updated_at - interval '1 hour'
                    FROM conversations c,
                         LATERAL (SELECT (${list(TEXTS)})[1 + (abs(hashtext(c.id::text)) % ${TEXTS.length})] || ' Order ' || (abs(hashtext(c.token)) % 1000000) AS text) t`);
  await db.query(`INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, subject, text, new_text, status, occurred_at)
                  SELECT gen_random_uuid(), c.id, 'outbound', c.channel, c.id::text || '@replies.shop.test', 'support@shop.test', 'Re: Question',
                         'Thank you, we are on it.', 'Thank you, we are on it.', CASE WHEN random() < 0.1 THEN 'failed' ELSE 'sent' END, c.updated_at
                    FROM conversations c WHERE abs(hashtext(c.id::text || 'r')) % 5 < 2`);
  // A third of the others await a decision on a draft; some past their SLA, some escalated.
  await db.query(`INSERT INTO review_items (draft_id, conversation_id, status, decision, payload, body, shop_id, channel, mailbox, intent, language, priority, due_at,
                                            sla_breached_at, escalated, created_at)
                  SELECT gen_random_uuid(), m.conversation_id, 'pending', 'review', jsonb_build_object('messageId', m.id), 'Your order is on its way.', 'default',
                         m.channel, 'support@shop.test', (ARRAY['track_order','return_request','refund_request','change_address','invoice_question'])[1 + (random() * 4)::int],
                         (ARRAY['en','nl'])[1 + (random())::int], (ARRAY['low','normal','high','urgent'])[1 + (random() * 3)::int],
                         now() + (random() - 0.2) * interval '3 days', CASE WHEN random() < 0.15 THEN now() END, random() < 0.05, m.occurred_at
                    FROM messages m
                   WHERE m.direction = 'inbound' AND abs(hashtext(m.conversation_id::text || 'r')) % 5 >= 2
                     AND abs(hashtext(m.conversation_id::text || 'd')) % 3 = 0`);
  // As the SLA sweeper leaves them: every pending draft past its due time is marked breached (a run would otherwise
  // start with the sweeper marking thousands at once, 500 every 30 s, which a desk in use never sees).
  await db.query(`UPDATE review_items SET sla_breached_at = due_at WHERE due_at < now() AND sla_breached_at IS NULL`);
  // The desk's state: one in ten closed, three in ten assigned to one of the agents.
  await db.query(
    `INSERT INTO conversation_states (conversation_id, shop_id, status, closed_reason, closed_at, assignee_id)
                  SELECT c.id, 'default', CASE WHEN r < 0.1 THEN 'closed' ELSE 'open' END, CASE WHEN r < 0.1 THEN 'resolved' END,
                         CASE WHEN r < 0.1 THEN c.updated_at + interval '1 minute' END,
                         CASE WHEN r >= 0.1 AND r < 0.4 THEN (SELECT array_agg(id) FROM users)[1 + (abs(hashtext(c.id::text || 'a')) % $1)] END
                    FROM (SELECT id, updated_at, random() AS r FROM conversations) c WHERE c.r < 0.4`,
    [agents - 1],
  );
  await db.query(`SET session_replication_role = DEFAULT`);
  await db.query(`SELECT inbox_entry_refresh(id, NULL) FROM (SELECT id FROM conversations ORDER BY updated_at) c`);
  // What autovacuum does to a table in use: the rows' visibility recorded, the statistics the planner reads.
  await db.query(`VACUUM ANALYZE`);
}
