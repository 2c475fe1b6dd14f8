import { signOff } from './sign-off.util';

describe('signOff', () => {
  it.each([
    ['plain signature', 'Met vriendelijke groet,', 'Team Hollandia', 'Met vriendelijke groet,\nTeam Hollandia'],
    [
      'nl sign-off in the signature',
      'Met vriendelijke groet,',
      'Met vriendelijke groet,\nTeam X',
      'Met vriendelijke groet,\nTeam X',
    ],
    ['nl other sign-off in the signature', 'Groetjes,', 'Hartelijke groet,\nTeam X', 'Hartelijke groet,\nTeam X'],
    ['en', 'Kind regards,', '  Kind regards,\nThe Velo team', 'Kind regards,\nThe Velo team'],
    ['de', 'Mit freundlichen Grüßen', 'Mit freundlichen Grüßen\nIhr Team', 'Mit freundlichen Grüßen\nIhr Team'],
    ['fr', 'Bien cordialement,', 'Cordialement,\nLe service client', 'Cordialement,\nLe service client'],
    [
      'a team name that mentions regards is no sign-off',
      'Kind regards,',
      'Regardless Cycles',
      'Kind regards,\nRegardless Cycles',
    ],
  ])('%s', (_name, closing, signature, expected) => {
    expect(signOff(closing, signature)).toBe(expected);
  });
});
