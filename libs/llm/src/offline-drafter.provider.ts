import type { DraftProvider, DraftRequest, DraftResult, KbSnippet, OrderFacts, ShopProfile } from './draft.types';
import { extractOrderNumbers } from './fact-extraction.util';
import { de } from './phrasebooks/de.phrasebook';
import { en } from './phrasebooks/en.phrasebook';
import { fr } from './phrasebooks/fr.phrasebook';
import { nl } from './phrasebooks/nl.phrasebook';
import type { OrderAction, OrderView, Phrasebook, Voice } from './phrasebooks/phrasebook.types';
import { selectSnippets, terms } from './snippet-ranking.util';

export const PHRASEBOOKS: Record<string, Phrasebook> = { nl, en, de, fr };

const ORDER_ACTIONS: Record<string, OrderAction> = {
  cancel_order: 'cancel',
  change_order: 'change',
  change_shipping_address: 'address',
  get_refund: 'refund',
  track_refund: 'refund_status',
  get_invoice: 'invoice',
  check_invoice: 'invoice',
  payment_issue: 'payment',
};
/** Intents whose answer starts with where the order stands. */
const STATUS_INTENTS = new Set([
  'track_order',
  'delivery_period',
  'cancel_order',
  'change_order',
  'change_shipping_address',
  'get_refund',
  'track_refund',
  'payment_issue',
]);
/** Intents that cannot be answered without knowing the order: ask for it rather than guess. */
const NEEDS_ORDER = new Set([
  'track_order',
  'cancel_order',
  'change_order',
  'change_shipping_address',
  'get_refund',
  'track_refund',
  'get_invoice',
  'check_invoice',
]);
/** Intents that the order facts answer fully; a shipping article on top would only be noise. */
const ORDER_ANSWERS = new Set(['track_order', 'delivery_period']);
const SUMMARY_BUDGET = 650;

function baseLanguage(language: string): string {
  return (language || '').toLowerCase().split(/[-_]/)[0];
}

export function replyLanguage(request: DraftRequest): string {
  const wanted = baseLanguage(request.language);
  if (PHRASEBOOKS[wanted]) return wanted;
  const fallback = baseLanguage(request.shop.defaultLanguage);
  return PHRASEBOOKS[fallback] ? fallback : 'en';
}

function voiceFor(shop: ShopProfile): Voice {
  return (formal, friendly) => (shop.tone === 'formal' ? formal : friendly);
}

// The name comes from a mail header the customer controls: only something that looks like a name is echoed.
function safeName(name: string | null | undefined): { full: string; first: string } | null {
  const trimmed = (name ?? '').trim().replace(/\s+/g, ' ');
  if (!/^\p{L}[\p{L}'’ .-]{0,59}$/u.test(trimmed)) return null;
  return { full: trimmed, first: trimmed.split(' ')[0] };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Building Intl formatters costs more than drafting the rest of a reply, so they are made once per locale.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const moneyFormats = new Map<string, Intl.NumberFormat>();

function formatDate(locale: string, iso: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
}

function formatMoney(locale: string, currency: string, amount: number): string {
  const key = `${locale}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

function orderView(order: OrderFacts, book: Phrasebook): OrderView {
  return {
    order,
    number: order.orderNumber,
    placedOn: formatDate(book.locale, order.placedAt),
    total: formatMoney(book.locale, order.total.currency, order.total.amount),
    items: order.items.map((i) => `${i.quantity}× ${i.name}`).join(', '),
    expectedOn: order.expectedDelivery ? formatDate(book.locale, order.expectedDelivery) : null,
  };
}

function markdownToText(markdown: string): string[] {
  return markdown
    .replace(/\r\n/g, '\n')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/\*\*|__|`/g, '')
    .split(/\n{2,}/)
    .map((block) =>
      block
        .split('\n')
        .filter((line) => !/^\s*#/.test(line))
        .map((line) => line.replace(/^\s*[*+]\s+/, '- ').trimEnd())
        .join('\n')
        .trim(),
    )
    .filter(Boolean);
}

/** The snippet's opening block, then the blocks that best match the question, within a length budget. */
export function summariseSnippet(snippet: KbSnippet, customerText: string): string {
  const blocks = markdownToText(snippet.body);
  if (blocks.length === 0) return '';
  const query = terms(customerText);
  const overlap = (block: string) => [...terms(block)].filter((t) => query.has(t)).length;
  const chosen = new Set<number>([0]);
  const ranked = blocks
    .map((block, index) => ({ index, score: overlap(block) }))
    .filter((b) => b.index > 0 && b.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  let length = blocks[0].length;
  for (const candidate of ranked) {
    if (length + blocks[candidate.index].length > SUMMARY_BUDGET) continue;
    chosen.add(candidate.index);
    length += blocks[candidate.index].length;
  }
  // Whatever budget is left goes to the article in its own order: a short article is quoted whole.
  for (let index = 1; index < blocks.length; index++) {
    if (chosen.has(index) || length + blocks[index].length > SUMMARY_BUDGET) continue;
    chosen.add(index);
    length += blocks[index].length;
  }
  return [...chosen]
    .sort((a, b) => a - b)
    .map((i) => blocks[i])
    .join('\n\n');
}

function isRepeatContact(history: DraftRequest['history']): boolean {
  // The customer wrote before and nobody has answered yet.
  return !!history && history.length > 0 && history[history.length - 1].direction === 'inbound';
}

function orderParagraphs(intent: string, view: OrderView, book: Phrasebook, v: Voice): string[] {
  const lines: string[] = [book.orderHeading(v, view)];
  if (STATUS_INTENTS.has(intent)) {
    const status = [capitalise(book.status[view.order.status](v, view))];
    if (view.order.status === 'shipped' || view.order.status === 'delivered') {
      const tracking = book.tracking(v, view);
      if (tracking) status.push(tracking);
    }
    lines.push(status.join(' '));
  }
  const action = ORDER_ACTIONS[intent];
  if (action) {
    const phrases = book.action[action];
    const phrase = phrases[view.order.status] ?? phrases.default;
    if (phrase) lines.push(phrase(v, view));
  }
  return [lines.join('\n\n')];
}

/**
 * The embedded drafter: deterministic templates per intent and language, filled only with facts from the
 * order, the knowledge snippets and the shop profile, so the reply has nothing to invent. Customer text is
 * never echoed (only an order number it mentions), which keeps injected instructions out of the reply.
 */
export class OfflineDrafter implements DraftProvider {
  readonly name = 'offline' as const;

  async draft(request: DraftRequest): Promise<DraftResult> {
    return this.draftSync(request);
  }

  draftSync(request: DraftRequest): DraftResult {
    const language = replyLanguage(request);
    const book = PHRASEBOOKS[language];
    const v = voiceFor(request.shop);
    const intent = book.ack[request.intent] ? request.intent : 'other';
    const order = request.orderFacts;
    const paragraphs: string[] = [];
    const citations: string[] = [];

    const opening = [book.thanks(v)];
    if (isRepeatContact(request.history)) opening.push(book.sorryAgain(v));
    opening.push(book.ack[intent](v));
    paragraphs.push(opening.join(' '));

    let usedOrderFacts = false;
    if (order && (STATUS_INTENTS.has(intent) || ORDER_ACTIONS[intent] || intent === 'complaint')) {
      paragraphs.push(...orderParagraphs(intent, orderView(order, book), book, v));
      usedOrderFacts = true;
    }
    const waitingForOrder = !order && NEEDS_ORDER.has(intent);
    if (waitingForOrder) {
      const mentioned = extractOrderNumbers(request.customerText)[0];
      if (request.orderProof) paragraphs.push(book.askOrderNumberAndPostcode(v));
      else paragraphs.push(mentioned ? book.orderNotFound(v, mentioned.raw) : book.askOrderNumber(v));
    }

    const skipKnowledge = usedOrderFacts && ORDER_ANSWERS.has(intent);
    if (!skipKnowledge) {
      const [best, second] = selectSnippets(request.snippets, intent, language, request.customerText, 2);
      if (best) {
        if (baseLanguage(best.language) === language) {
          const summary = summariseSnippet(best, request.customerText);
          paragraphs.push(best.url ? `${summary}\n\n${book.moreInfo(best.url)}` : summary);
          citations.push(best.id);
        } else if (best.url) {
          // Quoting an English article in a German reply reads badly; point to it instead.
          paragraphs.push(book.moreInfo(best.url));
          citations.push(best.id);
        }
        // A second article only earns a mention when it is about the same request, not a stray term match.
        if (second?.url && second.url !== best.url && second.intents.includes(intent)) {
          paragraphs.push(book.seeAlso(second.title, second.url));
          citations.push(second.id);
        }
      } else if (!usedOrderFacts && !NEEDS_ORDER.has(intent)) {
        paragraphs.push(book.handover(v));
      }
    }

    // Until the order is known, the intent's usual next step ("you will get a confirmation") would be a promise.
    paragraphs.push((waitingForOrder ? book.next.default : (book.next[intent] ?? book.next.default))(v));
    const signature =
      request.shop.signature[language] ??
      request.shop.signature[baseLanguage(request.shop.defaultLanguage)] ??
      book.fallbackSignature(request.shop.name);
    paragraphs.push(`${book.closing(v)}\n${signature.trim()}`);

    const body = [book.greeting(v, safeName(request.customerName ?? order?.customerName)), ...paragraphs]
      .join('\n\n')
      .replace(/[\u00a0\u202f]/g, ' ');
    return { body, citations, usedOrderFacts, engine: 'offline' };
  }
}
