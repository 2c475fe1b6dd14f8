import type { OrderFactsPayload } from '@draftdesk/contracts';

export interface Entity {
  type: string;
  value: string;
}

/** What the "order facts" panel shows: the order the drafter used, then what triage found that points at orders. */
export interface OrderPanel {
  /** The order the draft was grounded in; null when the drafter found none (or the draft predates this field). */
  order: OrderFactsPayload | null;
  /** Order numbers, tracking codes and the like found in the message, each once. */
  entities: Entity[];
  citedRecords: string[];
}

const ORDER_ENTITY = /order|tracking|product|sku|amount/i;

/** Triage reports an entity once per mention ("order 100234 … 100234"); the panel lists each value once. */
export function uniqueEntities(entities: readonly Entity[]): Entity[] {
  const seen = new Set<string>();
  const out: Entity[] = [];
  for (const e of entities) {
    if (!ORDER_ENTITY.test(e.type)) continue;
    const key = `${e.type}\u0000${e.value.trim().toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ type: e.type, value: e.value.trim() });
  }
  return out;
}

export function orderPanel(
  order: OrderFactsPayload | null | undefined,
  entities: readonly Entity[],
  citations: readonly string[],
): OrderPanel {
  return {
    order: order ?? null,
    entities: uniqueEntities(entities),
    citedRecords: [...new Set(citations.filter((c) => /order/i.test(c)))],
  };
}
