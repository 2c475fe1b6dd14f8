/**
 * Polls an assertion until it passes or the deadline expires, then rethrows its last failure. Pipelines are
 * asynchronous: tests wait for an observable outcome rather than sleeping a fixed time.
 */
export async function expectEventually<T>(
  assertion: () => Promise<T> | T,
  { timeoutMs = 30_000, intervalMs = 200 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
