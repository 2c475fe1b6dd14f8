import { Argon2Pool, BoundedWork, PasswordWorkBusyError } from './argon2-pool.util';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('BoundedWork', () => {
  it.each([
    // concurrency, maxWaiting, calls → accepted, refused at once
    [2, 8, 50, 10, 40],
    [2, 0, 5, 2, 3],
    [1, 1, 3, 2, 1],
    [4, 4, 6, 6, 0],
  ])(
    'with %i at once and %i waiting, %i simultaneous calls: %i accepted, %i refused',
    async (concurrency, maxWaiting, calls, accepted, refused) => {
      const work = new BoundedWork({ concurrency, maxWaiting });
      const gate = deferred();
      let running = 0;
      let peak = 0;
      const outcomes = Array.from({ length: calls }, () =>
        work
          .run(async () => {
            peak = Math.max(peak, ++running);
            await gate.promise;
            running--;
          })
          .then(
            () => 'done',
            (e) => (e instanceof PasswordWorkBusyError ? 'busy' : 'other'),
          ),
      );
      // Refusals are decided before anything finishes.
      await new Promise((r) => setImmediate(r));
      expect(work.full).toBe(calls >= concurrency + maxWaiting);
      gate.resolve();
      const results = await Promise.all(outcomes);
      expect(results.filter((r) => r === 'done')).toHaveLength(accepted);
      expect(results.filter((r) => r === 'busy')).toHaveLength(refused);
      expect(peak).toBe(Math.min(concurrency, calls));
      expect(work.full).toBe(false);
    },
  );

  it('frees the slot when the work fails', async () => {
    const work = new BoundedWork({ concurrency: 1, maxWaiting: 0 });
    await expect(work.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(work.run(async () => 'next')).resolves.toBe('next');
  });
});

describe('Argon2Pool', () => {
  const pool = new Argon2Pool({ concurrency: 2, maxWaiting: 2 });

  it('verifies a hash it made, and refuses a wrong password, a missing hash and a malformed one', async () => {
    const hash = await pool.hash('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await pool.verify(hash, 'correct horse battery staple')).toBe(true);
    expect(await pool.verify(hash, 'wrong')).toBe(false);
    expect(await pool.verify(null, 'correct horse battery staple')).toBe(false);
    expect(await pool.verify('not a hash', 'x')).toBe(false);
  }, 60_000);
});
