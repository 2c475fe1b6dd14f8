import { TokenBuckets } from './token-bucket.util';

describe('TokenBuckets', () => {
  it('allows a burst, then refuses until tokens refill at the sustained rate', () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    const limit = { perSecond: 2, burst: 3 };
    const results = [1, 2, 3, 4].map(() => buckets.take('a', limit).ok);
    expect(results).toEqual([true, true, true, false]);
    const refused = buckets.take('a', limit);
    expect(refused).toEqual({ ok: false, retryAfterMs: 500 });
    now = 500;
    expect(buckets.take('a', limit).ok).toBe(true);
    expect(buckets.take('a', limit).ok).toBe(false);
  });

  it('never holds more than the burst after a long quiet spell', () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    const limit = { perSecond: 10, burst: 2 };
    buckets.take('a', limit);
    now = 3_600_000;
    expect([1, 2, 3].map(() => buckets.take('a', limit).ok)).toEqual([true, true, false]);
  });

  it('keeps channels apart', () => {
    const buckets = new TokenBuckets(() => 0);
    const limit = { perSecond: 1, burst: 1 };
    expect(buckets.take('a', limit).ok).toBe(true);
    expect(buckets.take('a', limit).ok).toBe(false);
    expect(buckets.take('b', limit).ok).toBe(true);
  });
});
