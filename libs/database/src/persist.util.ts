/**
 * Retries a database write until it succeeds or `timeoutMs` has passed, then throws the last error. For the write
 * that records what already happened outside the database (an SMTP server accepted a reply, a chat provider took a
 * message): if it failed on a database restart, the work would be done again by whoever takes it over next, and the
 * customer would get the reply twice. PostgreSQL restarts take seconds; waiting them out is cheaper.
 */
export async function persistently<T>(
  write: () => Promise<T>,
  {
    timeoutMs = 60_000,
    delayMs = 250,
    onRetry,
  }: { timeoutMs?: number; delayMs?: number; onRetry?: (error: unknown) => void } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = delayMs; ; wait = Math.min(wait * 2, 5_000)) {
    try {
      return await write();
    } catch (error) {
      if (Date.now() + wait > deadline) throw error;
      onRetry?.(error);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
