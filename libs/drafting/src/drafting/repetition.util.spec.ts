import { alreadySaid, repeatedShare } from './repetition.util';

const earlier =
  'Hi Sanne,\n\nYour order has been shipped with PostNL. The expected delivery date is 13 June 2025.\n\nBest wishes,\nTeam';

describe('alreadySaid', () => {
  it.each([
    [
      'the same paragraph',
      'Your order has been shipped with PostNL. The expected delivery date is 13 June 2025.',
      [earlier],
      true,
    ],
    [
      'lightly edited',
      'Your order has been shipped with PostNL! The expected delivery date is 13 June 2025',
      [earlier],
      true,
    ],
    [
      'something new',
      'We are asking PostNL to trace the parcel and will let you know what they find.',
      [earlier],
      false,
    ],
    ['no earlier replies', 'Your order has been shipped with PostNL.', [], false],
    ['empty paragraph', '', [earlier], false],
  ])('%s', (_name, paragraph, replies, expected) => {
    expect(alreadySaid(paragraph as string, replies as string[])).toBe(expected);
  });
});

describe('repeatedShare', () => {
  it.each([
    ['an identical reply', earlier, [earlier], 1],
    ['nothing in common', 'Completely different words are here today.', [earlier], 0],
  ])('%s', (_name, draft, replies, expected) => {
    expect(repeatedShare(draft, replies)).toBe(expected);
  });
});
