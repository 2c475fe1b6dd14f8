import { OutboxService } from '@draftdesk/messaging';
import { inSpan } from '@draftdesk/observability';
import { EntityManager } from 'typeorm';
import { ReviewItemsRepository } from '../drafts/review-items.repository';

/**
 * Adds the reply-approved event to the outbox. The approval continues the customer message's trace (linked to the
 * agent's request, or to the pass that sends a delayed approval), so one trace runs to the reply.
 */
export async function announceApproval(
  items: Pick<ReviewItemsRepository, 'traceHeadersOf'>,
  outbox: Pick<OutboxService, 'add'>,
  m: EntityManager,
  id: string,
  event: Parameters<OutboxService['add']>[1],
): Promise<void> {
  const parent = await items.traceHeadersOf(m, id);
  await inSpan('approve reply', { parent, linkActive: true, attributes: { 'draftdesk.draft_id': id } }, () =>
    outbox.add(m, event),
  );
}
