import { DEFAULT_ESCALATE_ON } from '@draftdesk/shop';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DRAFT_REASON_CODES, INTENTS } from '@draftdesk/contracts';
import { CLOSE_REASONS } from '../../src/queue/dto/actions.dto';
import {
  ACTION_LABELS,
  actionInWords,
  CLOSE_REASON_LABELS,
  closeReasonInWords,
  languageInWords,
  PRIORITY_LABELS,
  priorityInWords,
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

  /** Every action the desk writes to the audit log, read from the review app's source. */
  const auditActions = () => {
    const src = join(__dirname, '..', '..', 'src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.includes('memory-repository'),
    );
    const text = files.map((f) => readFileSync(join(src, f), 'utf8')).join('\n');
    const found = new Set<string>();
    const patterns = [
      /action: '([a-z_]+)'/g,
      /this\.audit\(m, actor, '([a-z_]+)'/g,
      /recordDraft\(\s*m,\s*(?:'[a-z]+'|[a-z.]+),\s*'([a-z_]+)'/g,
      /this\.send\(m, actor, id, row, [^,]+, '([a-z_]+)'/g,
      /const action = [^;\n]*\? '([a-z_]+)' : '([a-z_]+)'/g,
    ];
    for (const pattern of patterns)
      for (const m of text.matchAll(pattern)) for (const code of m.slice(1)) if (code) found.add(code);
    return [...found].sort();
  };

  it.each(['en', 'nl'] as const)('has %s words for every priority and every action in a draft history', (locale) => {
    expect(['urgent', 'high', 'normal', 'low'].filter((p) => !PRIORITY_LABELS[locale][p])).toEqual([]);
    const actions = auditActions();
    expect(actions).toEqual(expect.arrayContaining(['approve', 'escalate', 'hand_back', 'sla_breached', 'send']));
    expect(actions.filter((a) => !ACTION_LABELS[locale][a])).toEqual([]);
  });

  it('says priorities, history actions and languages in words, and leaves an unknown one as it is', () => {
    expect(priorityInWords('urgent', 'nl')).toBe('spoed');
    expect(actionInWords('hand_back', 'en')).toBe('handed back by a lead');
    expect(actionInWords('something_new', 'nl')).toBe('something_new');
    expect(languageInWords('nl', 'en')).toBe('Dutch');
    expect(languageInWords('en', 'nl')).toBe('Engels');
    expect(languageInWords('not a code', 'en')).toBe('not a code');
  });

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
