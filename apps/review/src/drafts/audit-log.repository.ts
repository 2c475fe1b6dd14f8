// Owns: audit_log
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Who did what to a draft, before and after: the item's history. */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly db: DataSource) {}

  async recordDraft(
    m: EntityManager,
    actor: string,
    action: string,
    draftId: string,
    before: unknown,
    after: unknown,
    shopId: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO audit_log (actor, action, entity, entity_id, before, after, shop_id) VALUES ($1, $2, 'draft', $3, $4, $5, $6)`,
      [actor, action, draftId, before === null ? null : JSON.stringify(before), JSON.stringify(after), shopId],
    );
  }

  /** A change to the shop's settings (a canned reply, the send delay, …): who, what, before and after. */
  async recordSetting(
    actor: string,
    action: string,
    entity: string,
    entityId: string,
    before: unknown,
    after: unknown,
    shopId: string,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor, action, entity, entity_id, before, after, shop_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        actor,
        action,
        entity,
        entityId,
        before == null ? null : JSON.stringify(before),
        JSON.stringify(after ?? null),
        shopId,
      ],
    );
  }

  /** The shop's audit trail, newest first, or one entity's when `entityId` is given. */
  trail(shopId: string, limit: number, entityId: string | null) {
    return this.db.query(
      `SELECT id, actor, action, entity, entity_id AS "entityId", before, after, created_at AS "createdAt"
         FROM audit_log WHERE shop_id = $1 ${entityId ? 'AND entity_id = $3' : ''} ORDER BY id DESC LIMIT $2`,
      entityId ? [shopId, limit, entityId] : [shopId, limit],
    );
  }
}
