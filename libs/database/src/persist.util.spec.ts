import { persistently } from './persist.util';

describe('persistently', () => {
  it('retries a failing write until it succeeds', async () => {
    let calls = 0;
    const retried: unknown[] = [];
    const result = await persistently(
      async () => {
        calls++;
        if (calls < 3) throw new Error('Connection terminated unexpectedly');
        return 'written';
      },
      { delayMs: 1, onRetry: (e) => retried.push(e) },
    );
    expect(result).toBe('written');
    expect(calls).toBe(3);
    expect(retried).toHaveLength(2);
  });

  it('gives up after its time with the last error', async () => {
    let calls = 0;
    await expect(
      persistently(
        async () => {
          calls++;
          throw new Error(`down ${calls}`);
        },
        { timeoutMs: 30, delayMs: 5 },
      ),
    ).rejects.toThrow(/^down \d+$/);
    expect(calls).toBeGreaterThan(1);
  });
});
