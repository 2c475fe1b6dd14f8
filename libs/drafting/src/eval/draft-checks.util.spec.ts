import { checkDraft, type DraftOutcome } from './draft-checks.util';

const outcome = (draft: string, extra: Partial<DraftOutcome> = {}): DraftOutcome => ({
  language: 'en',
  intent: 'track_order',
  decision: 'review',
  reasons: ['auto_send_disabled'],
  draft,
  ...extra,
});
const letter =
  'Dear Ann,\n\nThank you for your message. Your order has been shipped with DHL and will arrive soon.\n\nKind regards,\nTeam';

describe('checkDraft', () => {
  // name, expectations, outcome, earlier replies, failed checks expected
  it.each<[string, Parameters<typeof checkDraft>[0], DraftOutcome, string[], string[]]>([
    [
      'all good',
      {
        language: 'en',
        register: 'formal',
        intent: ['track_order'],
        decision: ['review'],
        facts: ['DHL'],
        forbidden: ['Hi Ann'],
      },
      outcome(letter),
      [],
      [],
    ],
    ['wrong language', { language: 'nl' }, outcome(letter), [], ['language']],
    [
      'informal where formal was expected',
      { register: 'formal' },
      outcome('Hi Ann,\n\nHey, your stuff is on its way! Cheers'),
      [],
      ['register'],
    ],
    ['another intent', { intent: ['get_refund'] }, outcome(letter), [], ['intent']],
    [
      'not escalated',
      { decision: ['escalate'], reasons: ['holding_reply:safety'] },
      outcome(letter),
      [],
      ['decision', 'reasons'],
    ],
    ['a missing fact', { facts: ['100250'] }, outcome(letter), [], ['facts']],
    ['no draft at all has no facts', { facts: [] }, outcome('', { draft: null }), [], ['facts']],
    ['forbidden text, any case', { forbidden: ['shipped WITH dhl'] }, outcome(letter), [], ['forbidden']],
    ['too long for chat', { maxLength: 20 }, outcome(letter), [], ['length']],
    ['repeats an earlier reply', { noRepeat: true }, outcome(letter), [letter], ['no_repeat']],
    [
      'a repeated sign-off is no repeat',
      { noRepeat: true },
      outcome(
        'Something entirely new and different happened with the parcel today, we are on it.\n\nKind regards,\nTeam',
      ),
      [letter],
      [],
    ],
    [
      'an English link in a German reply',
      { language: 'de', sameLanguageLinks: true },
      outcome('Weitere Informationen: https://shop.test/en/help/returns', { language: 'de' }),
      [],
      ['links'],
    ],
  ])('%s', (_name, expect_, out, earlier, failed) => {
    const results = checkDraft(expect_, out, earlier, ['Kind regards,\nTeam']);
    expect(results.filter((r) => !r.passed).map((r) => r.check)).toEqual(failed);
  });
});
