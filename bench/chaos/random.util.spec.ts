import { mulberry32, shuffledBag } from './random.util';

describe('mulberry32', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(seqA);
  });

  it('stays in [0, 1)', () => {
    const r = mulberry32(7);
    for (let i = 0; i < 10_000; i++) {
      const x = r();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe('shuffledBag', () => {
  it('hands out every item once per round, in a seeded order', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const draw = shuffledBag(items, mulberry32(1));
    const first = Array.from({ length: 7 }, draw);
    const second = Array.from({ length: 7 }, draw);
    expect([...first].sort()).toEqual(items);
    expect([...second].sort()).toEqual(items);
    expect(first).not.toEqual(items);
    const again = shuffledBag(items, mulberry32(1));
    expect(Array.from({ length: 7 }, again)).toEqual(first);
  });
});
