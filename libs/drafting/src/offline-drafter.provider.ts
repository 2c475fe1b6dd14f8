import { type AttentionReason, ORDER_INTENTS } from '@draftdesk/contracts';
import type { DraftProvider, DraftRequest, DraftResult } from './draft.types';
import type { KbSnippet } from '@draftdesk/shop';
import { holdingParagraphs } from './drafting/holding-reply.util';
import { isOverdue, orderView } from './drafting/order-view.util';
import { pickArticles, replyIsFormal, speaksLikeReply } from './drafting/knowledge-register.util';
import { answerProductQuestion } from './drafting/product-answer.util';
import { alreadySaid } from './drafting/repetition.util';
import { signOff } from './drafting/sign-off.util';
import { extractOrderNumbers } from './fact-extraction.util';
import { de } from './phrasebooks/de.phrasebook';
import { en } from './phrasebooks/en.phrasebook';
import { fr } from './phrasebooks/fr.phrasebook';
import { nl } from './phrasebooks/nl.phrasebook';
import type { OrderAction, OrderView, Phrasebook, Voice } from './phrasebooks/phrasebook.types';
import { selectSnippets } from '@draftdesk/shop';
import { markdownToText, summariseSnippet } from './drafting/snippet-summary.util';

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
const NEEDS_ORDER = new Set(ORDER_INTENTS);
/** Intents that the order facts answer fully; a shipping article on top would only be noise. */
const ORDER_ANSWERS = new Set(['track_order', 'delivery_period']);

function baseLanguage(language: string): string {
  return (language || '').toLowerCase().split(/[-_]/)[0];
}

export function replyLanguage(request: DraftRequest): string {
  const wanted = baseLanguage(request.language);
  if (PHRASEBOOKS[wanted]) return wanted;
  const fallback = baseLanguage(request.shop.defaultLanguage);
  return PHRASEBOOKS[fallback] ? fallback : 'en';
}

/** The shop's tone, unless the customer is more formal than the shop: then the reply follows the customer. */
function voiceFor(formal: boolean): Voice {
  return (formalText, friendlyText) => (formal ? formalText : friendlyText);
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

function isRepeatContact(history: DraftRequest['history']): boolean {
  // The customer wrote before and nobody has answered yet.
  return !!history && history.length > 0 && history[history.length - 1].direction === 'inbound';
}

/** Order facts, one paragraph each so a follow-up can leave out what an earlier reply already said. */
function orderParagraphs(intent: string, view: OrderView, book: Phrasebook, v: Voice, overdue: boolean): string[] {
  const paragraphs: string[] = [book.orderHeading(v, view)];
  const tracking = view.order.status === 'shipped' || view.order.status === 'delivered' ? book.tracking(v, view) : '';
  if (overdue) {
    // Whatever was asked, a parcel that should have arrived long ago is the first thing to own up to.
    paragraphs.push([book.overdue(v, view), tracking].filter(Boolean).join(' '));
  } else if (STATUS_INTENTS.has(intent)) {
    paragraphs.push([capitalise(book.status[view.order.status](v, view)), tracking].filter(Boolean).join(' '));
  }
  const action = ORDER_ACTIONS[intent];
  if (action) {
    const phrases = book.action[action];
    const phrase = phrases[view.order.status] ?? phrases.default;
    if (phrase) paragraphs.push(phrase(v, view));
  }
  if (overdue) paragraphs.push(book.overdueNext(v, view));
  return paragraphs;
}

interface DraftContext {
  request: DraftRequest;
  language: string;
  book: Phrasebook;
  v: Voice;
  chat: boolean;
  now: Date;
  formal: boolean;
}

interface Answer {
  paragraphs: string[];
  citations: string[];
  usedOrderFacts: boolean;
  waitingForOrder: boolean;
  attention: AttentionReason[];
}

/** A chat reply quotes the article's opening only and links the rest. */
function chatSummary(snippet: KbSnippet): string {
  const first = markdownToText(snippet.body)[0] ?? '';
  const sentences = first.split(/(?<=[.!?])\s+/);
  return sentences.length > 2 ? sentences.slice(0, 2).join(' ') : first;
}

/** The answer to one intent: order facts, or what the order number is needed for, then the knowledge base. */
function answerFor(intent: string, ctx: DraftContext, citedAlready: Set<string>): Answer {
  const { request, book, v, language } = ctx;
  const order = request.orderFacts;
  const answer: Answer = {
    paragraphs: [],
    citations: [],
    usedOrderFacts: false,
    waitingForOrder: false,
    attention: [],
  };
  if (order && (STATUS_INTENTS.has(intent) || ORDER_ACTIONS[intent] || intent === 'complaint')) {
    const overdue = isOverdue(order, ctx.now);
    answer.paragraphs.push(...orderParagraphs(intent, orderView(order, book), book, v, overdue));
    answer.usedOrderFacts = true;
    if (overdue) answer.attention.push('delivery_overdue');
  }
  answer.waitingForOrder = !order && NEEDS_ORDER.has(intent);
  if (answer.waitingForOrder) {
    const mentioned = extractOrderNumbers(request.customerText)[0];
    // An unverified chat identity: only an order number with its delivery postcode unlocks the order's facts.
    if (request.orderProof) answer.paragraphs.push(book.askOrderNumberAndPostcode(v));
    else answer.paragraphs.push(mentioned ? book.orderNotFound(v, mentioned.raw) : book.askOrderNumber(v));
  }

  // A delivered parcel the customer asks about is usually one they cannot find: the article says what to do then.
  if (answer.usedOrderFacts && (ctx.chat || (ORDER_ANSWERS.has(intent) && order?.status !== 'delivered')))
    return answer;
  const pool = request.snippets.filter((s) => !citedAlready.has(s.id));
  const ranked = selectSnippets(pool, intent, language, request.customerText, 4);
  const [best, second] = pickArticles(ranked, language, ctx.formal, request.shop.tone);
  if (best) {
    if (
      baseLanguage(best.language) === language &&
      (speaksLikeReply(best, language, ctx.formal, request.shop.tone) || !best.url)
    ) {
      const summary = ctx.chat ? chatSummary(best) : summariseSnippet(best, request.customerText);
      answer.paragraphs.push(best.url ? `${summary}\n\n${book.moreInfo(best.url)}` : summary);
      answer.citations.push(best.id);
    } else if (best.url) {
      // Quoting an English article in a German reply, or a "du" article in a "Sie" reply, reads badly; point to it instead.
      answer.paragraphs.push(book.moreInfo(best.url));
      answer.citations.push(best.id);
    }
    // A second article only earns a mention when it is about the same request, not a stray term match.
    if (!ctx.chat && second?.url && second.url !== best.url && second.intents.includes(intent)) {
      answer.paragraphs.push(book.seeAlso(second.title, second.url));
      answer.citations.push(second.id);
    }
  } else if (!answer.usedOrderFacts && !NEEDS_ORDER.has(intent)) {
    answer.paragraphs.push(book.handover(v));
  }
  return answer;
}

/**
 * The embedded drafter: deterministic templates per intent and language, filled only with facts from the
 * order, the knowledge snippets, the product catalogue and the shop profile, so the reply has nothing to
 * invent. Customer text is never echoed (only an order number, date or amount it mentions), which keeps
 * injected instructions out of the reply.
 */
export class OfflineDrafter implements DraftProvider {
  readonly name = 'offline' as const;

  async draft(request: DraftRequest): Promise<DraftResult> {
    return this.draftSync(request);
  }

  draftSync(request: DraftRequest): DraftResult {
    const language = replyLanguage(request);
    const book = PHRASEBOOKS[language];
    const intent = book.ack[request.intent] ? request.intent : 'other';
    const formal = replyIsFormal(request, intent, language);
    const v = voiceFor(formal);
    const ctx: DraftContext = {
      request,
      language,
      book,
      v,
      chat: request.channel === 'chat',
      now: request.now ? new Date(request.now) : new Date(),
      formal,
    };
    const concern = request.concern ?? null;
    const citations: string[] = [];
    const attention: AttentionReason[] = [];
    let usedOrderFacts = false;
    let core: string[] = [];
    let ack: string | null = book.ack[intent](v);
    let next: string | null = null;

    const product =
      concern || ORDER_ACTIONS[intent] || request.orderFacts || extractOrderNumbers(request.customerText).length
        ? null
        : answerProductQuestion(request.customerText, request.products ?? [], language);
    if (concern) {
      ack = null;
      core = holdingParagraphs(request, concern, language, book, v);
    } else if (product) {
      ack = book.product.ack(v);
      if (product.answer && product.product) {
        core.push(book.product.answer(v, product.answer));
        citations.push(`product:${product.product.id}`);
        next = book.next.default(v);
      } else {
        // What the catalogue does not say is a colleague's to answer, never a guess.
        core.push(book.product.unknown(v));
        attention.push('product_unanswered');
      }
    } else {
      const main = answerFor(intent, ctx, new Set());
      core.push(...main.paragraphs);
      citations.push(...main.citations);
      attention.push(...main.attention);
      usedOrderFacts = main.usedOrderFacts;
      // Until the order is known, the intent's usual next step ("you will get a confirmation") would be a promise.
      // A customer who named the order is asked only for what is still missing (a complaint's photo).
      const knownOrder = usedOrderFacts || extractOrderNumbers(request.customerText).length > 0;
      const step = knownOrder && book.next[`${intent}_with_order`] ? `${intent}_with_order` : intent;
      next = (main.waitingForOrder ? book.next.default : (book.next[step] ?? book.next.default))(v);
    }

    if (!concern) {
      for (const ask of new Set(request.asks ?? [])) {
        if (ask === intent || ask === 'other' || !book.ack[ask]) continue;
        const extra = answerFor(ask, ctx, new Set(citations));
        const fresh = extra.paragraphs.filter((p) => !core.includes(p));
        if (fresh.length === 0) continue;
        core.push(`${book.alsoAsked(v)} ${book.ack[ask](v)}`, ...fresh);
        citations.push(...extra.citations);
        attention.push(...extra.attention.filter((a) => !attention.includes(a)));
        usedOrderFacts ||= extra.usedOrderFacts;
      }
    }

    const earlier = (request.history ?? []).filter((h) => h.direction === 'outbound').map((h) => h.text);
    if (earlier.length > 0) {
      const fresh = core.filter((p) => !alreadySaid(p, earlier));
      if (fresh.length === 0 && core.length > 0) {
        // Sending the same answer again would only repeat what did not help: a person takes over.
        core = [book.alreadyAnswered(v)];
        attention.push('already_answered');
        ack = null;
        next = null;
      } else {
        core = fresh;
        if (next && alreadySaid(next, earlier)) next = null;
      }
    }

    const opening: string[] = [];
    if (!ctx.chat && concern !== 'legal') opening.push(book.thanks(v));
    if (isRepeatContact(request.history) || attention.includes('already_answered')) opening.push(book.sorryAgain(v));
    // A chat answer about an order starts with the order itself: the acknowledgement would only make it longer.
    if (ack && !(ctx.chat && usedOrderFacts)) opening.push(ack);
    const paragraphs = [opening.join(' '), ...core].filter(Boolean);
    if (!ctx.chat) {
      if (next) paragraphs.push(next);
      const signature =
        request.shop.signature[language] ??
        request.shop.signature[baseLanguage(request.shop.defaultLanguage)] ??
        book.fallbackSignature(request.shop.name);
      paragraphs.push(signOff(book.closing(v), signature));
      paragraphs.unshift(book.greeting(v, safeName(request.customerName ?? request.orderFacts?.customerName)));
    }
    const body = paragraphs.join('\n\n').replace(/[\u00a0\u202f]/g, ' ');
    return { body, citations, usedOrderFacts, engine: 'offline', ...(attention.length ? { attention } : {}) };
  }
}
