import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InboxCursor, InboxFilter, InboxStatus, INBOX_STATUSES, InboxView, searchQuery } from './inbox-query.util';

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
 *
 * Snoozed: open or waiting, with a snooze that has not ended.
 */
const SNOOZING = `(e.base_status IN ('open', 'waiting') AND e.snoozed_until > now())`;
/** The status shown: the stored one, or snoozed while a snooze lasts. */
const STATUS = `CASE WHEN ${SNOOZING} THEN 'snoozed' ELSE e.base_status END`;
const SHOWN = `
  e.conversation_id AS id, e.channel, e.mailbox, e.subject, e.last_activity, e.last_activity::text AS activity_key,
         e.customer_name, e.customer_address, e.shop_id, e.assignee_id,
         ${STATUS} AS status,
         e.closed_reason, e.snoozed_until, e.draft_id, e.draft_status, e.intent, e.language, e.priority, e.due_at,
         e.sla_breached_at, e.escalated, e.last_direction, e.last_message_at`;
const SELECTED = `SELECT ${SHOWN} FROM inbox_entries e`;

/** A status as conditions on the stored columns (which the activity index carries), not on the shown status. */
function statusCondition(status: InboxStatus, param: string): string {
  if (status === 'snoozed') return SNOOZING;
  if (status === 'open' || status === 'waiting') return `e.base_status = ${param} AND NOT COALESCE(${SNOOZING}, false)`;
  return `e.base_status = ${param}`;
}

const ACTIVITY_ORDER = 'e.last_activity DESC, e.conversation_id DESC';
/** How many of the most recent conversations a search reads first, and at most before it asks the words' index. */
const SEARCH_WALK = 2000;
const SEARCH_WALK_MAX = 20_000;

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
 * A statement over the rows of `where` in an activity range: older than `before` (a previous page's last row) and,
 * with `from`, no older than that row. `sql` gets the filter's conditions, the range's, and the parameter of `limit`
 * (none when 0).
 */
function inRange(
  where: Where,
  range: { before?: InboxCursor; from?: InboxCursor },
  sql: (q: { where: string; range: string; limit: string }) => string,
  limit: number,
): [string, unknown[]] {
  const params = [...where.params];
  const bounds = ['true'];
  const key = (c: InboxCursor) => {
    params.push(c.a, c.i);
    return `($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
  };
  if (range.before) bounds.push(`(e.last_activity, e.conversation_id) < ${key(range.before)}`);
  if (range.from) bounds.push(`(e.last_activity, e.conversation_id) >= ${key(range.from)}`);
  if (limit) params.push(limit);
  return [sql({ where: where.sql, range: bounds.join(' AND '), limit: `$${params.length}` }), params];
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
    if (!f.q)
      // The page's ids from the activity index alone where it can (see the migration InboxEntries), then their rows.
      return this.db.query<InboxRow[]>(
        ...inRange(
          where,
          { before: after },
          (q) => `${SELECTED} WHERE e.conversation_id IN (
             SELECT e.conversation_id FROM inbox_entries e WHERE ${q.where} AND ${q.range} ORDER BY ${ACTIVITY_ORDER} LIMIT ${q.limit})
           ORDER BY ${ACTIVITY_ORDER}`,
          limit,
        ),
      );
    return this.search(where, after, limit);
  }

  /**
   * A search reads the most recent conversations in activity order, where common words fill a page at once. What it
   * found there tells how common the words are: if walking on would fill the page within SEARCH_WALK_MAX rows, it
   * walks on; otherwise the matches are few and the words' index finds the rest, sorted (ordered by an expression no
   * index has, so that PostgreSQL cannot walk instead: for rare words, or words that match nothing together, that
   * would read every conversation whatever the statistics guess).
   */
  private async search(where: Where, after: InboxCursor | undefined, limit: number): Promise<InboxRow[]> {
    const found: InboxRow[] = [];
    let before = after;
    let walked = 0;
    let chunk = SEARCH_WALK;
    for (;;) {
      // The last row of the next chunk, from the activity index alone; none when fewer rows are left.
      const [from] = await this.db.query<InboxCursor[]>(
        ...inRange(
          { sql: 'e.shop_id = $1', params: [where.params[0]] },
          { before },
          (
            q,
          ) => `SELECT e.last_activity::text AS a, e.conversation_id AS i FROM inbox_entries e WHERE ${q.where} AND ${q.range}
                   ORDER BY ${ACTIVITY_ORDER} OFFSET ${chunk - 1} LIMIT 1`,
          0,
        ),
      );
      found.push(
        ...(await this.db.query<InboxRow[]>(
          ...inRange(
            where,
            { before, from },
            // OFFSET 0 keeps the words out of the inner scan: it reads the range in activity order, whatever the
            // planner would guess of the words, and stops when the page is full.
            (
              q,
            ) => `SELECT ${SHOWN} FROM (SELECT * FROM inbox_entries e WHERE e.shop_id = $1 AND ${q.range} ORDER BY ${ACTIVITY_ORDER} OFFSET 0) e
                     WHERE ${q.where} ORDER BY ${ACTIVITY_ORDER} LIMIT ${q.limit}`,
            limit - found.length,
          ),
        )),
      );
      walked += chunk;
      if (found.length === limit || !from) return found;
      before = from;
      const rowsToFill = found.length === 0 ? Infinity : ((limit - found.length) * walked) / found.length;
      if (rowsToFill > SEARCH_WALK_MAX - walked) break;
      chunk = Math.ceil(Math.min(rowsToFill * 1.5, SEARCH_WALK_MAX - walked));
    }
    const rest = await this.db.query<InboxRow[]>(
      ...inRange(
        where,
        { before },
        (q) =>
          `${SELECTED} WHERE ${q.where} AND ${q.range} ORDER BY e.last_activity + interval '0 s' DESC, e.conversation_id DESC LIMIT ${q.limit}`,
        limit - found.length,
      ),
    );
    return [...found, ...rest];
  }

  /**
   * Per view asked, the conversations in each status (the other filters applied), from one grouping of the rows by
   * what the views and statuses tell apart. The view "mine" alone reads only the user's conversations, through the
   * assignee index; the others read the shop's, from the activity index where it can.
   */
  async counts(shopId: string, userId: string, f: Omit<InboxFilter, 'view' | 'status'>, views: readonly InboxView[]) {
    const mineOnly = views.length === 1 && views[0] === 'mine';
    const where = inboxWhere(shopId, userId, mineOnly ? { ...f, view: 'mine' } : f);
    if (!mineOnly && views.includes('mine')) throw new Error('"mine" is counted on its own');
    // A count reads every row of the shop, which PostgreSQL would compile with JIT first: 100-400 ms of CPU to save
    // a few milliseconds of reading.
    const groups = await this.db.transaction(async (m) => {
      await m.query(`SET LOCAL jit = off`);
      return m.query<{ unassigned: boolean; escalated: boolean; status: InboxStatus; n: number }[]>(
        `SELECT e.assignee_id IS NULL AS unassigned, e.escalated, ${STATUS} AS status, count(*)::int AS n
           FROM inbox_entries e WHERE ${where.sql} GROUP BY 1, 2, 3`,
        where.params,
      );
    });
    const inView: Record<InboxView, (g: (typeof groups)[number]) => boolean> = {
      all: () => true,
      mine: () => true,
      unassigned: (g) => g.unassigned,
      escalated: (g) => g.escalated,
    };
    const counts: Record<string, number> = {};
    for (const view of views) {
      for (const s of ['total', ...INBOX_STATUSES]) counts[`${view}:${s}`] = 0;
      for (const g of groups.filter(inView[view])) {
        counts[`${view}:total`] += g.n;
        counts[`${view}:${g.status}`] += g.n;
      }
    }
    return counts;
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
