import { withRepeatedContact } from './repeated-contact.util';

describe('withRepeatedContact', () => {
  const quiet = { reasons: [] as string[], flags: [] as string[] };
  it.each<[string, { reasons: string[]; flags: string[] }, number | undefined, { reasons: string[]; flags: string[] }]>(
    [
      ['first email of the day', quiet, 1, quiet],
      ['second email of the day', quiet, 2, quiet],
      ['third email of the day', quiet, 3, { reasons: ['repeated_contact'], flags: ['repeated_contact'] }],
      [
        'a looping auto-responder',
        { reasons: ['legal_threat'], flags: [] },
        40,
        { reasons: ['legal_threat', 'repeated_contact'], flags: ['repeated_contact'] },
      ],
      [
        'already found in the text',
        { reasons: ['repeated_contact'], flags: [] },
        5,
        { reasons: ['repeated_contact'], flags: ['repeated_contact'] },
      ],
      ['chat or an older producer: no count', quiet, undefined, quiet],
    ],
  )('%s', (_name, triage, recentInbound, expected) =>
    expect(withRepeatedContact(triage, recentInbound)).toEqual(expected),
  );
});
