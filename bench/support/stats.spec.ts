import { percentile, perSecond, ratio, summarise } from './stats';

describe('bench stats', () => {
  it.each([
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 50, expected: 5 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 95, expected: 10 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 10, expected: 1 },
    { values: Array.from({ length: 100 }, (_, i) => i + 1), p: 99, expected: 99 },
    { values: [7], p: 99, expected: 7 },
    { values: [3, 9], p: 0, expected: 3 },
  ])('percentile p$p of $values.length values is $expected (nearest rank)', ({ values, p, expected }) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('summarises unsorted latencies without changing the input', () => {
    const input = [40, 10, 30, 20];
    expect(summarise(input)).toEqual({ count: 4, p50: 20, p95: 40, p99: 40, max: 40, mean: 25 });
    expect(input).toEqual([40, 10, 30, 20]);
  });

  it.each([
    { items: 500, spanMs: 2000, expected: 250 },
    { items: 1, spanMs: 3, expected: 333.3 },
    { items: 10, spanMs: 0, expected: 0 },
    { items: 0, spanMs: 1000, expected: 0 },
  ])('$items items in $spanMs ms is $expected/s', ({ items, spanMs, expected }) => {
    expect(perSecond(items, spanMs)).toBe(expected);
  });

  it.each([
    { part: 50, whole: 200, expected: 0.25 },
    { part: 1, whole: 3, expected: 0.333 },
    { part: 10, whole: 0, expected: null },
    { part: 10, whole: null, expected: null },
  ])('ratio $part/$whole is $expected', ({ part, whole, expected }) => {
    expect(ratio(part, whole)).toBe(expected);
  });
});
