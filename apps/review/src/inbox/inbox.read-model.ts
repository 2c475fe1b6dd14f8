import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InboxCursor, InboxFilter, likePrefix, searchQuery } from './inbox-query.util';

export interface InboxRow {
  id: string;
  shop_id: string;
  channel: string;
  mailbox: string | null;
  subject: string;
  activity_key: string;
  last_activity: Date;
  customer_name: string;
  customer_address: string;
  status: string;
  assignee_id: string | null;
  closed_reason: string | null;
  snoozed_until: Date | null;
  draft_id: string | null;
  draft_status: string | null;
  intent: string | null;
  language: string | null;
  priority: string | null;
  due_at: Date | null;
  sla_breached_at: Date | null;
  escalated: boolean;
  last_direction: string | null;
  last_message_at: Date | null;
  message_count?: number;
}

export interface InboxMessageRow {
  id: string;
  direction: string;
  from_address: string;
  subject: string;
  text: string;
  status: string | null;
  occurred_at: Date;
}

/**
 * Every conversation with what the desk derives for it, one row each. A conversation belongs to the shop of its
 * newest review item (the desk's state when it has one), else to the default shop, as drafts are attributed until
 * mailboxes map to shops. Its status, in order: closed by an agent (until the customer writes again) or by rejecting
 * its draft with a close reason; pending_draft while a draft awaits a decision; snoozed; waiting when our reply was
 * the last message; else open.
 */
const SELECTED = `
  SELECT c.id, c.channel, c.mailbox, c.subject, c.updated_at AS last_activity, c.updated_at::text AS activity_key,
         cu.name AS customer_name, cu.address AS customer_address,
         COALESCE(cs.shop_id, ri.shop_id, 'default') AS shop_id,
         COALESCE(cs.assignee_id, ri.assignee_id) AS assignee_id,
         CASE
           WHEN cs.status = 'closed' AND (lm.direction IS DISTINCT FROM 'inbound' OR lm.occurred_at <= cs.closed_at) THEN 'closed'
           WHEN ri.status IN ('pending', 'redraft_requested') THEN 'pending_draft'
           WHEN ri.status = 'rejected' AND ri.close_reason IS NOT NULL THEN 'closed'
           WHEN cs.snoozed_until > now() THEN 'snoozed'
           WHEN lm.direction = 'outbound' THEN 'waiting'
           ELSE 'open'
         END AS status,
         CASE WHEN cs.status = 'closed' THEN cs.closed_reason ELSE ri.close_reason END AS closed_reason,
         cs.snoozed_until, ri.draft_id, ri.status AS draft_status, ri.intent, ri.language, ri.priority, ri.due_at,
         ri.sla_breached_at, COALESCE(ri.escalated OR ri.status = 'escalated', false) AS escalated,
         lm.direction AS last_direction, lm.occurred_at AS last_message_at
    FROM conversations c
    JOIN customers cu ON cu.id = c.customer_id
    LEFT JOIN conversation_states cs ON cs.conversation_id = c.id
`;

/**
 * Two joins of the same rows. `lateral` looks up each conversation's newest review item and message by index, in
 * activity order, and stops at the page's last row: what a page reads. `joined` takes every conversation's newest of
 * each in one pass: what the counts read, where 100,000 lookups of each would cost seconds.
 */
const CONVERSATIONS = {
  lateral: `${SELECTED}
    LEFT JOIN LATERAL (
      SELECT r.draft_id, r.status, r.shop_id, r.assignee_id, r.close_reason, r.intent, r.language, r.priority,
             r.due_at, r.sla_breached_at, r.escalated
        FROM review_items r WHERE r.conversation_id = c.id ORDER BY r.created_at DESC LIMIT 1) ri ON true
    LEFT JOIN LATERAL (
      SELECT m.direction, m.occurred_at FROM messages m
       WHERE m.conversation_id = c.id ORDER BY m.occurred_at DESC LIMIT 1) lm ON true`,
  joined: `${SELECTED}
    LEFT JOIN (
      SELECT DISTINCT ON (r.conversation_id) r.conversation_id, r.draft_id, r.status, r.shop_id, r.assignee_id,
             r.close_reason, r.intent, r.language, r.priority, r.due_at, r.sla_breached_at, r.escalated
        FROM review_items r ORDER BY r.conversation_id, r.created_at DESC) ri ON ri.conversation_id = c.id
    LEFT JOIN (
      SELECT DISTINCT ON (m.conversation_id) m.conversation_id, m.direction, m.occurred_at FROM messages m
       ORDER BY m.conversation_id, m.occurred_at DESC) lm ON lm.conversation_id = c.id`,
};

/** Walk the activity index in one process and stop at the page's end; see InboxReadModel.read. */
const PAGE_SETTINGS = { jit: 'off', enable_sort: 'off', max_parallel_workers_per_gather: '0' };
const SEARCH_SETTINGS = { jit: 'off', max_parallel_workers_per_gather: '0' };

interface Where {
  sql: string;
  params: unknown[];
}

/** The conditions on the rows above: the shop first, always, then whatever the agent filtered by. */
function inboxWhere(shopId: string, userId: string, f: Partial<InboxFilter>): Where {
  const params: unknown[] = [shopId];
  const conditions = ['x.shop_id = $1'];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (f.view === 'mine') add((p) => `x.assignee_id = ${p}`, userId);
  if (f.view === 'unassigned') conditions.push('x.assignee_id IS NULL');
  if (f.view === 'escalated') conditions.push('x.escalated');
  if (f.status) add((p) => `x.status = ${p}`, f.status);
  if (f.assignee === 'none') conditions.push('x.assignee_id IS NULL');
  else if (f.assignee) add((p) => `x.assignee_id = ${p}`, f.assignee === 'me' ? userId : f.assignee);
  if (f.channel) add((p) => `x.channel = ${p}`, f.channel);
  if (f.intent) add((p) => `x.intent = ${p}`, f.intent);
  if (f.language) add((p) => `x.language = ${p}`, f.language);
  if (f.priority) add((p) => `x.priority = ${p}`, f.priority);
  if (f.sla === 'breached') conditions.push(`x.status = 'pending_draft' AND x.sla_breached_at IS NOT NULL`);
  if (f.sla === 'on_time') conditions.push(`x.status = 'pending_draft' AND x.sla_breached_at IS NULL`);
  if (f.sla === 'none') conditions.push(`x.status <> 'pending_draft'`);
  if (f.q) {
    // Conversations with a message matching the words, or whose customer's address or name starts with the search.
    const words = searchQuery(f.q);
    params.push(likePrefix(f.q));
    const prefix = `$${params.length}`;
    const byCustomer = `SELECT c2.id FROM conversations c2 JOIN customers cu2 ON cu2.id = c2.customer_id
                         WHERE lower(left(cu2.address, 200)) LIKE ${prefix} OR lower(left(cu2.name, 200)) LIKE ${prefix}`;
    if (words) {
      params.push(words);
      conditions.push(`x.id IN (SELECT m.conversation_id FROM messages m
                                  WHERE to_tsvector('simple', left(m.subject || ' ' || m.new_text, 100000)) @@ to_tsquery('simple', $${params.length})
                                UNION ${byCustomer})`);
    } else conditions.push(`x.id IN (${byCustomer})`);
  }
  return { sql: conditions.join(' AND '), params };
}

/**
 * The desk's inbox over the conversations service's customers, conversations and messages joined with the desk's
 * review items and conversation states (SELECT only).
 */
@Injectable()
export class InboxReadModel {
  constructor(private readonly db: DataSource) {}

  /**
   * The planner cannot estimate how many rows a derived status keeps, guesses a handful, and then sorts the whole
   * table instead of walking the activity index until the page is full (8 s instead of 0.2 s at 100,000
   * conversations), and compiles the query with JIT for seconds more. A page forbids the sort and the JIT for its own
   * transaction; the counts, which read everything anyway, only the JIT.
   */
  private read<T>(sql: string, params: unknown[], settings: Record<string, string>): Promise<T> {
    return this.db.transaction(async (m) => {
      const names = Object.keys(settings);
      await m.query(`SELECT ${names.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`, [
        ...names.flatMap((n) => [n, settings[n]]),
      ]);
      return m.query(sql, params) as Promise<T>;
    });
  }

  /** A page, newest activity first; `after` is the previous page's last row (a keyset, stable under inserts). */
  list(shopId: string, userId: string, f: InboxFilter, after: InboxCursor | undefined, limit: number) {
    const where = inboxWhere(shopId, userId, f);
    const params = [...where.params];
    let keyset = '';
    if (after) {
      params.push(after.a, after.i);
      keyset = `AND (x.last_activity, x.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(limit);
    return this.read<InboxRow[]>(
      `SELECT * FROM (${CONVERSATIONS.lateral}) x WHERE ${where.sql} ${keyset}
        ORDER BY x.last_activity DESC, x.id DESC LIMIT $${params.length}`,
      params,
      // A search bounds the rows by its matches: sorting a few is cheaper than walking the index past every other.
      f.q ? SEARCH_SETTINGS : PAGE_SETTINGS,
    );
  }

  /** Per view, the conversations in each status (the other filters applied). */
  async counts(shopId: string, userId: string, f: Omit<InboxFilter, 'view' | 'status'>) {
    const where = inboxWhere(shopId, userId, f);
    where.params.push(userId);
    const me = `$${where.params.length}`;
    const views: Record<string, string> = {
      all: 'true',
      mine: `x.assignee_id = ${me}`,
      unassigned: 'x.assignee_id IS NULL',
      escalated: 'x.escalated',
    };
    const columns = Object.entries(views).flatMap(([view, condition]) => [
      `count(*) FILTER (WHERE ${condition})::int AS "${view}:total"`,
      ...['open', 'pending_draft', 'waiting', 'snoozed', 'closed'].map(
        (s) => `count(*) FILTER (WHERE ${condition} AND x.status = '${s}')::int AS "${view}:${s}"`,
      ),
    ]);
    const [row] = await this.read<Record<string, number>[]>(
      `SELECT ${columns.join(', ')} FROM (${CONVERSATIONS.joined}) x WHERE ${where.sql}`,
      where.params,
      { jit: 'off' },
    );
    return row;
  }

  async find(shopId: string, conversationId: string): Promise<InboxRow | null> {
    const [row] = await this.db.query<InboxRow[]>(
      `SELECT * FROM (${CONVERSATIONS.lateral}) x WHERE x.shop_id = $1 AND x.id = $2`,
      [shopId, conversationId],
    );
    return row ?? null;
  }

  /** The whole thread, oldest first (the first 500 messages); our replies carry their delivery state. */
  messages(conversationId: string): Promise<InboxMessageRow[]> {
    return this.db.query(
      `SELECT id, direction, from_address, subject, CASE WHEN new_text <> '' THEN new_text ELSE text END AS text, status, occurred_at
         FROM messages WHERE conversation_id = $1 ORDER BY occurred_at, created_at LIMIT 500`,
      [conversationId],
    );
  }
}
