import type { KbSnippet, OrderFacts, ShopProfile } from '@draftdesk/shop';
import {
  amountKey,
  extractAmounts,
  extractDates,
  extractDecimalNumbers,
  extractOrderNumbers,
  extractTrackingNumbers,
  extractUrls,
  isoDateKeys,
  normaliseCode,
  normaliseUrl,
} from './fact-extraction.util';

export type UngroundedType = 'url' | 'amount' | 'date' | 'order_number' | 'tracking_number';
export interface GroundingSources {
  customerText: string;
  snippets: KbSnippet[];
  orderFacts: OrderFacts | null;
}
export interface GroundingReport {
  grounded: boolean;
  ungrounded: { type: UngroundedType; value: string }[];
}

interface Evidence {
  codes: string;
  amounts: Set<string>;
  dates: Set<string>;
  urls: string[];
}

interface TextFacts {
  amounts: string[];
  dates: string[];
  urls: string[];
}

function factsIn(text: string): TextFacts {
  return {
    amounts: [...extractAmounts(text).flatMap((a) => a.keys), ...extractDecimalNumbers(text).map(amountKey)],
    dates: extractDates(text).flatMap((d) => d.keys),
    urls: extractUrls(text).flatMap((u) => u.keys),
  };
}

// Knowledge snippets are checked against every draft of a shop; their facts are extracted once.
const snippetFacts = new WeakMap<KbSnippet, { source: string; facts: TextFacts }>();

function factsOfSnippet(snippet: KbSnippet): TextFacts {
  const source = [snippet.title, snippet.body, snippet.url ?? ''].join('\n');
  let cached = snippetFacts.get(snippet);
  if (!cached || cached.source !== source) {
    cached = { source, facts: factsIn(source) };
    snippetFacts.set(snippet, cached);
  }
  return cached.facts;
}

function collectEvidence(sources: GroundingSources, shop?: ShopProfile): Evidence {
  const order = sources.orderFacts;
  const texts = [sources.customerText];
  if (shop) texts.push(shop.website, shop.supportEmail, ...Object.values(shop.signature));
  if (order) {
    texts.push(
      order.orderNumber,
      order.trackingNumber ?? '',
      order.trackingUrl ?? '',
      order.invoiceUrl ?? '',
      order.shippingAddress ?? '',
    );
  }
  const parts = [factsIn(texts.join('\n')), ...sources.snippets.map(factsOfSnippet)];
  const amounts = new Set(parts.flatMap((p) => p.amounts));
  if (order) amounts.add(amountKey(order.total.amount));
  const dates = new Set(parts.flatMap((p) => p.dates));
  if (order) for (const key of [...isoDateKeys(order.placedAt), ...isoDateKeys(order.expectedDelivery)]) dates.add(key);
  const allText = [...texts, ...sources.snippets.flatMap((s) => [s.title, s.body, s.url ?? ''])].join('\n');
  return {
    codes: ` ${allText.toUpperCase().replace(/[^A-Z0-9-]+/g, ' ')} `,
    amounts,
    dates,
    urls: parts.flatMap((p) => p.urls),
  };
}

function urlIsGrounded(url: string, known: string[]): boolean {
  // A shorter form of a known address (the site root of a known page) invents nothing.
  return known.some((k) => k === url || k.startsWith(url + '/') || k.startsWith(url + '?') || k.startsWith(url + '#'));
}

/**
 * Every URL, amount, date, order number and tracking number in a draft must come from the customer's own
 * text, the knowledge snippets, the order facts or the shop profile; anything else is a possible invention.
 */
export function checkGrounding(draftBody: string, sources: GroundingSources, shop?: ShopProfile): GroundingReport {
  const evidence = collectEvidence(sources, shop);
  const ungrounded: GroundingReport['ungrounded'] = [];
  const seen = new Set<string>();
  const flag = (type: UngroundedType, value: string) => {
    const id = `${type}:${value}`;
    if (seen.has(id)) return;
    seen.add(id);
    ungrounded.push({ type, value });
  };
  const hasCode = (code: string) => evidence.codes.includes(` ${normaliseCode(code)} `);

  for (const url of extractUrls(draftBody)) {
    if (!urlIsGrounded(normaliseUrl(url.raw), evidence.urls)) flag('url', url.raw);
  }
  for (const amount of extractAmounts(draftBody)) {
    if (!amount.keys.some((k) => evidence.amounts.has(k))) flag('amount', amount.raw);
  }
  for (const date of extractDates(draftBody)) {
    // The first key is the most specific one: "3 May 2025" must match that year, not just any 3 May.
    const specific = date.keys.filter((k) => k.length === date.keys[0].length);
    if (!specific.some((k) => evidence.dates.has(k))) flag('date', date.raw);
  }
  for (const order of extractOrderNumbers(draftBody)) {
    if (!hasCode(order.raw)) flag('order_number', order.raw);
  }
  for (const tracking of extractTrackingNumbers(draftBody)) {
    if (!hasCode(tracking.raw)) flag('tracking_number', tracking.raw);
  }
  return { grounded: ungrounded.length === 0, ungrounded };
}
