import { DEFAULT_ESCALATE_ON } from '@draftdesk/shop';
import { DRAFT_REASON_CODES, INTENTS } from '@draftdesk/contracts';
import { CLOSE_REASONS } from '../../src/queue/dto/actions.dto';
import {
  CLOSE_REASON_LABELS,
  closeReasonInWords,
  customerInWords,
  DETAIL_LABELS,
  INTENT_LABELS,
  intentInWords,
  REASON_LABELS,
  reasonInWords,
} from './labels';

describe('the desk says every code in words, in English and Dutch', () => {
  it.each(['en', 'nl'] as const)(
    'has %s words for every intent, reason code, close reason and default escalation trigger',
    (locale) => {
      expect(INTENTS.filter((i) => !INTENT_LABELS[locale][i])).toEqual([]);
      expect(CLOSE_REASONS.filter((r) => !CLOSE_REASON_LABELS[locale][r])).toEqual([]);
      expect(DRAFT_REASON_CODES.filter((c) => !REASON_LABELS[locale][c])).toEqual([]);
      expect(DEFAULT_ESCALATE_ON.filter((t) => !DETAIL_LABELS[locale][t])).toEqual([]);
    },
  );

  it('labels a reason with its details, and leaves an unknown code or detail as it is', () => {
    expect(reasonInWords('escalate:legal_threat', 'nl')).toBe('doorgezet naar een senior collega: juridische dreiging');
    expect(reasonInWords('intent_not_auto:track_order', 'en')).toBe(
      'auto-send is not on for this kind of question: where is my order',
    );
    expect(reasonInWords('low_confidence:0.72', 'en')).toBe('triage was not sure enough: 0.72');
    expect(reasonInWords('something_new:x', 'en')).toBe('something_new:x');
    expect(intentInWords('track_order', 'nl')).toBe('waar blijft mijn bestelling');
    expect(intentInWords('warranty_claim', 'en')).toBe('warranty claim');
    expect(intentInWords('track_order', 'de')).toBe('where is my order');
    expect(closeReasonInWords('already_answered', 'nl')).toBe('al beantwoord');
    expect(closeReasonInWords('moved_on', 'en')).toBe('moved_on');
  });

  it('names a chat customer by name and channel, never by the pseudo-address', () => {
    expect(customerInWords({ name: 'Sam', address: 'chat:shop-web:cust-99' }, 'en')).toBe('Sam (chat: shop-web)');
    expect(customerInWords({ name: '', address: 'chat:shop-web:cust-99' }, 'nl')).toBe('Chatbezoeker (chat: shop-web)');
    expect(customerInWords({ name: 'Sanne de Vries', address: 'sanne@example.test' }, 'nl')).toBe(
      'Sanne de Vries (sanne@example.test)',
    );
    expect(customerInWords({ name: null, address: 'sanne@example.test' }, 'en')).toBe('sanne@example.test');
  });
});
