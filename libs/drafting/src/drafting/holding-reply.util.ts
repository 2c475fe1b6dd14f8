import type { DraftRequest } from '../draft.types';
import { extractAmounts, extractDates, extractOrderNumbers } from '../fact-extraction.util';
import type { MentionedFacts, Phrasebook, Voice } from '../phrasebooks/phrasebook.types';

const DEFAULT_RESPONSE_HOURS = 24;

/** Order number, dates and amounts as the customer wrote them; echoed back so nobody is asked twice. */
export function mentionedFacts(request: DraftRequest): MentionedFacts {
  const text = request.customerText;
  return {
    orderNumber: request.orderFacts?.orderNumber ?? extractOrderNumbers(text)[0]?.raw ?? null,
    dates: [...new Set(extractDates(text).map((d) => d.raw))].slice(0, 3),
    amounts: [...new Set(extractAmounts(text).map((a) => a.raw))].slice(0, 3),
  };
}

/**
 * The reply to a safety report or a legal notice: no template answer, no request for what was already given,
 * just what to do now and when a person will be in touch. The gate escalates these drafts.
 */
export function holdingParagraphs(
  request: DraftRequest,
  concern: 'safety' | 'legal',
  language: string,
  book: Phrasebook,
  v: Voice,
): string[] {
  const hours = request.shop.personalResponseHours ?? DEFAULT_RESPONSE_HOURS;
  const facts = mentionedFacts(request);
  if (concern === 'safety') {
    const instruction = request.shop.safetyInstruction?.[language]?.trim();
    return [
      book.safety.ack(v),
      [book.safety.stopUsing(v), instruction].filter(Boolean).join(' '),
      book.safety.contact(v, hours, facts.orderNumber),
    ];
  }
  return [book.legal.ack(v), book.legal.facts(v, facts), book.legal.contact(v, hours)].filter((p): p is string => !!p);
}
