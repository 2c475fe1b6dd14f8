import type { OrderFactsPayload } from '@draftdesk/contracts';

/** Every placeholder a canned reply may hold; anything else between {{ and }} is refused when it is saved. */
export const PLACEHOLDERS = [
  'customer.name',
  'order.number',
  'order.status',
  'order.tracking_url',
  'agent.name',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

// `{{ name }}` with optional spaces; the inner part excludes braces so that `{{a}} {{b}}` is two placeholders.
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** What is wrong with the placeholders of a text: unknown names and `{{` left open. Empty when all is well. */
export function placeholderProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [whole, inner] of text.matchAll(PLACEHOLDER)) {
    const name = inner.trim();
    if (!(PLACEHOLDERS as readonly string[]).includes(name))
      problems.push(`unknown placeholder ${whole}; known: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`);
  }
  if (text.replace(PLACEHOLDER, '').includes('{{')) problems.push('a placeholder is not closed with }}');
  return problems;
}

/** The placeholders a text still holds (a canned reply's value the agent has not filled in yet), each once. */
export function unfilledPlaceholders(text: string): Placeholder[] {
  const found = [...text.matchAll(PLACEHOLDER)].map((m) => m[1].trim());
  return [...new Set(found)].filter((name): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name));
}

/** What the desk knows when a canned reply goes into a draft. */
export interface PlaceholderFacts {
  customerName?: string | null;
  agentName?: string | null;
  order?: OrderFactsPayload | null;
  /** The canned reply's language: an order status is put in its words. */
  language: string;
}

// The order status as the customer reads it, in the reply's language (the connector gives a code).
const STATUS_WORDS: Record<string, Record<string, string>> = {
  en: {
    pending: 'awaiting payment',
    paid: 'paid, being prepared for shipping',
    shipped: 'shipped',
    delivered: 'delivered',
    cancelled: 'cancelled',
    refunded: 'refunded',
  },
  nl: {
    pending: 'wacht op betaling',
    paid: 'betaald, wordt klaargemaakt voor verzending',
    shipped: 'verzonden',
    delivered: 'bezorgd',
    cancelled: 'geannuleerd',
    refunded: 'terugbetaald',
  },
  de: {
    pending: 'wartet auf Zahlung',
    paid: 'bezahlt, wird für den Versand vorbereitet',
    shipped: 'versandt',
    delivered: 'zugestellt',
    cancelled: 'storniert',
    refunded: 'erstattet',
  },
  fr: {
    pending: 'en attente de paiement',
    paid: 'payée, en préparation pour l’expédition',
    shipped: 'expédiée',
    delivered: 'livrée',
    cancelled: 'annulée',
    refunded: 'remboursée',
  },
};

export function orderStatusInWords(status: string, language: string): string {
  return (STATUS_WORDS[language] ?? STATUS_WORDS.en)[status] ?? status;
}

function valueOf(name: Placeholder, facts: PlaceholderFacts): string | undefined {
  const order = facts.order ?? undefined;
  const values: Record<Placeholder, string | null | undefined> = {
    'customer.name': facts.customerName || order?.customerName,
    'order.number': order?.orderNumber,
    'order.status': order?.status && orderStatusInWords(order.status, facts.language),
    'order.tracking_url': order?.trackingUrl,
    'agent.name': facts.agentName,
  };
  return values[name]?.trim() || undefined;
}

/**
 * Fills the placeholders the desk has a value for. One without a value stays as written, so the agent sees it in
 * the editor and fills it in; `missing` names those.
 */
export function renderCanned(body: string, facts: PlaceholderFacts): { text: string; missing: Placeholder[] } {
  const missing = new Set<Placeholder>();
  const text = body.replace(PLACEHOLDER, (whole, inner: string) => {
    const name = inner.trim() as Placeholder;
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return whole;
    const value = valueOf(name, facts);
    if (value === undefined) missing.add(name);
    return value ?? whole;
  });
  return { text, missing: [...missing] };
}
