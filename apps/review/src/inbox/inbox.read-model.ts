import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InboxCursor, InboxFilter, InboxStatus, INBOX_STATUSES, searchQuery } from './inbox-query.util';

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
 * Every conversation as the inbox shows it, one row each in `inbox_entries`, which PostgreSQL keeps current from
 * the conversation, its customer, its messages, its newest review item and the desk's state (see the migration
 * InboxEntries). A conversation belongs to the shop of the desk's state or of its newest review item, else to the
 * default shop. Its status, in order: closed by an agent (until the customer writes again) or by rejecting its draft
 * with a close reason; pending_draft while a draft awaits a decision; snoozed (applied here, as it ends by itself);
 * waiting when our reply was the last message; else open.
 */
const SHOWN = `
  e.conversation_id AS id, e.channel, e.mailbox, e.subject, e.last_activity, e.last_activity::text AS activity_key,
         e.customer_name, e.customer_address, e.shop_id, e.assignee_id,
         CASE WHEN e.base_status IN ('open', 'waiting') AND e.snoozed_until > now() THEN 'snoozed' ELSE e.base_status END AS status,
         e.closed_reason, e.snoozed_until, e.draft_id, e.draft_status, e.intent, e.language, e.priority, e.due_at,
         e.sla_breached_at, e.escalated, e.last_direction, e.last_message_at`;
const SELECTED = `SELECT ${SHOWN} FROM inbox_entries e`;

/** A status as conditions on the stored one, so that a list walks the status index. */
const SNOOZING = `(e.base_status IN ('open', 'waiting') AND e.snoozed_until > now())`;
function statusCondition(status: InboxStatus, param: string): string {
  if (status === 'snoozed') return SNOOZING;
  if (status === 'open' || status === 'waiting') return `e.base_status = ${param} AND NOT COALESCE(${SNOOZING}, false)`;
  return `e.base_status = ${param}`;
}

const ACTIVITY_ORDER = 'e.last_activity DESC, e.conversation_id DESC';
/** How many of the most recent conversations a search reads before it asks the words' index. */
const SEARCH_WALK = 2000;

/** The words searched: the customer's name and address and every message (the expression of their index). */
const WORDS = `(e.customer_words || e.message_words)`;

interface Where {
  sql: string;
  params: unknown[];
}

/** The conditions on the rows above: the shop first, always, then whatever the agent filtered by. */
function inboxWhere(shopId: string, userId: string, f: Partial<InboxFilter>): Where {
  const params: unknown[] = [shopId];
  const conditions = ['e.shop_id = $1'];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (f.view === 'mine') add((p) => `e.assignee_id = ${p}`, userId);
  if (f.view === 'unassigned') conditions.push('e.assignee_id IS NULL');
  if (f.view === 'escalated') conditions.push('e.escalated');
  if (f.status === 'snoozed') conditions.push(SNOOZING);
  else if (f.status) {
    const status = f.status;
    add((p) => statusCondition(status, p), status);
  }
  if (f.assignee === 'none') conditions.push('e.assignee_id IS NULL');
  else if (f.assignee) add((p) => `e.assignee_id = ${p}`, f.assignee === 'me' ? userId : f.assignee);
  if (f.channel) add((p) => `e.channel = ${p}`, f.channel);
  if (f.intent) add((p) => `e.intent = ${p}`, f.intent);
  if (f.language) add((p) => `e.language = ${p}`, f.language);
  if (f.priority) add((p) => `e.priority = ${p}`, f.priority);
  if (f.sla === 'breached') conditions.push(`e.base_status = 'pending_draft' AND e.sla_breached_at IS NOT NULL`);
  if (f.sla === 'on_time') conditions.push(`e.base_status = 'pending_draft' AND e.sla_breached_at IS NULL`);
  if (f.sla === 'none') conditions.push(`e.base_status <> 'pending_draft'`);
  if (f.q) {
    // Conversations whose customer or messages hold every word of the search (each as the start of a word).
    const words = searchQuery(f.q);
    if (words) add((p) => `${WORDS} @@ to_tsquery('simple', ${p})`, words);
    else conditions.push('false');
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

  /** A page, newest activity first; `after` is the previous page's last row (a keyset, stable under inserts). */
  async list(shopId: string, userId: string, f: InboxFilter, after: InboxCursor | undefined, limit: number) {
    const where = inboxWhere(shopId, userId, f);
    const params = [...where.params];
    let keyset = '';
    if (after) {
      params.push(after.a, after.i);
      keyset = `AND (e.last_activity, e.conversation_id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(limit);
    const n = `$${params.length}`;
    if (!f.q)
      // The page's ids from the activity index alone where it can (see the migration InboxEntries), then their rows.
      return this.db.query<InboxRow[]>(
        `${SELECTED} WHERE e.conversation_id IN (
           SELECT e.conversation_id FROM inbox_entries e WHERE ${where.sql} ${keyset} ORDER BY ${ACTIVITY_ORDER} LIMIT ${n})
         ORDER BY ${ACTIVITY_ORDER}`,
        params,
      );
    // A search first reads the most recent conversations in order: common words fill a page there. When they do
    // not, the words' index finds every match and they are sorted, ordered by an expression no index has so that
    // PostgreSQL cannot walk the activity index instead (quick for common words, but a read of every conversation
    // for words that are rare or match nothing together, whatever the statistics guess).
    const recent = await this.db.query<InboxRow[]>(
      `SELECT ${SHOWN} FROM (SELECT * FROM inbox_entries e WHERE e.shop_id = $1 ${keyset} ORDER BY ${ACTIVITY_ORDER} LIMIT ${SEARCH_WALK}) e
        WHERE ${where.sql} ORDER BY ${ACTIVITY_ORDER} LIMIT ${n}`,
      params,
    );
    if (recent.length === limit) return recent;
    return this.db.query<InboxRow[]>(
      `${SELECTED} WHERE ${where.sql} ${keyset} ORDER BY e.last_activity + interval '0 s' DESC, e.conversation_id DESC LIMIT ${n}`,
      params,
    );
  }

  /** Per view, the conversations in each status (the other filters applied). */
  async counts(shopId: string, userId: string, f: Omit<InboxFilter, 'view' | 'status'>) {
    const where = inboxWhere(shopId, userId, f);
    where.params.push(userId);
    const me = `$${where.params.length}`;
    const views: Record<string, string> = {
      all: 'true',
      mine: `e.assignee_id = ${me}`,
      unassigned: 'e.assignee_id IS NULL',
      escalated: 'e.escalated',
    };
    const columns = Object.entries(views).flatMap(([view, condition]) => [
      `count(*) FILTER (WHERE ${condition})::int AS "${view}:total"`,
      ...INBOX_STATUSES.map(
        (s) => `count(*) FILTER (WHERE ${condition} AND ${statusCondition(s, `'${s}'`)})::int AS "${view}:${s}"`,
      ),
    ]);
    const [row] = await this.db.query<Record<string, number>[]>(
      `SELECT ${columns.join(', ')} FROM inbox_entries e WHERE ${where.sql}`,
      where.params,
    );
    return row;
  }

  async find(shopId: string, conversationId: string): Promise<InboxRow | null> {
    const [row] = await this.db.query<InboxRow[]>(`${SELECTED} WHERE e.shop_id = $1 AND e.conversation_id = $2`, [
      shopId,
      conversationId,
    ]);
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
