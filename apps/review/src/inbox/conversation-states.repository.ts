// Owns: conversation_states
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface ConversationState {
  conversation_id: string;
  shop_id: string;
  status: 'open' | 'closed';
  closed_reason: string | null;
  closed_note: string | null;
  closed_at: Date | null;
  assignee_id: string | null;
  snoozed_until: Date | null;
  updated_by: string | null;
  updated_at: Date;
}

export type StateChange = Partial<
  Pick<ConversationState, 'status' | 'closed_reason' | 'closed_note' | 'closed_at' | 'assignee_id' | 'snoozed_until'>
>;

/** What agents decided about a whole conversation, each change with its audit entry in one transaction. */
@Injectable()
export class ConversationStatesRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The state, locked for the change that follows; null before anyone acted on the conversation. */
  async lock(m: EntityManager, conversationId: string): Promise<ConversationState | null> {
    const [row] = await m.query(`SELECT * FROM conversation_states WHERE conversation_id = $1 FOR UPDATE`, [
      conversationId,
    ]);
    return row ?? null;
  }

  async save(
    m: EntityManager,
    conversationId: string,
    shopId: string,
    change: StateChange,
    by: string,
  ): Promise<ConversationState> {
    const columns = Object.keys(change) as (keyof StateChange)[];
    const values = columns.map((c) => change[c] ?? null);
    const sets = columns.map((c, i) => `${c} = $${i + 4}`);
    const [row] = await m.query(
      `INSERT INTO conversation_states (conversation_id, shop_id, updated_by${columns.map((c) => `, ${c}`).join('')})
       VALUES ($1, $2, $3${columns.map((_, i) => `, $${i + 4}`).join('')})
       ON CONFLICT (conversation_id) DO UPDATE SET updated_by = $3, updated_at = now()${sets.map((s) => `, ${s}`).join('')}
       RETURNING *`,
      [conversationId, shopId, by, ...values],
    );
    return row;
  }

  async audit(
    m: EntityManager,
    actor: string,
    action: string,
    conversationId: string,
    before: unknown,
    after: unknown,
    shopId: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO audit_log (actor, action, entity, entity_id, before, after, shop_id) VALUES ($1, $2, 'conversation', $3, $4, $5, $6)`,
      [actor, action, conversationId, before === null ? null : JSON.stringify(before), JSON.stringify(after), shopId],
    );
  }

  /** Whether the user may hold conversations of the shop. */
  async isMember(userId: string, shopId: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND shop_id = $2`, [userId, shopId]);
    return rows.length > 0;
  }

  /** The shop's people by id, for the names beside assignees. */
  people(shopId: string): Promise<{ id: string; email: string; name: string }[]> {
    return this.db.query(
      `SELECT u.id, u.email, u.name FROM users u JOIN memberships ms ON ms.user_id = u.id
        WHERE ms.shop_id = $1 AND NOT u.disabled ORDER BY lower(u.email) LIMIT 500`,
      [shopId],
    );
  }
}
