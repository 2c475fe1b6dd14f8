import { EntityManager } from 'typeorm';

/** Records who did what to a draft, before and after, in the audit log (the item's history). */
export async function auditDraft(
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
