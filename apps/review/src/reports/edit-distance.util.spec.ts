import { MAX_WORDS, normalisedEditDistance } from './edit-distance.util';

describe('normalisedEditDistance', () => {
  it.each([
    ['unchanged', 'Beste Sanne, je pakket is onderweg.', 'Beste Sanne, je pakket is onderweg.', 0],
    ['case and spacing do not count', 'Beste  Sanne,\nje pakket', 'beste sanne, je pakket', 0],
    ['one word of four replaced', 'je pakket is onderweg', 'je pakket is bezorgd', 0.25],
    ['one word added to four', 'je pakket is onderweg', 'je pakket is nu onderweg', 0.2],
    ['one word of four removed', 'je pakket is onderweg', 'je pakket onderweg', 0.25],
    ['rewritten throughout', 'je pakket is onderweg', 'wij betalen het terug', 1],
    ['written from nothing', '', 'wij betalen het terug', 1],
    ['both empty', '', '', 0],
    ['greeting and signature kept, middle rewritten', 'Hoi a b c Groet', 'Hoi x y Groet', 0.6],
  ])('%s', (_, drafted, sent, expected) => {
    expect(normalisedEditDistance(drafted, sent)).toBeCloseTo(expected, 10);
  });

  it('stays quick on long texts by comparing their first words only', () => {
    const long = Array.from({ length: MAX_WORDS * 3 }, (_, i) => `w${i}`).join(' ');
    const other = Array.from({ length: MAX_WORDS * 3 }, (_, i) => `v${i}`).join(' ');
    const started = Date.now();
    expect(normalisedEditDistance(long, other)).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
