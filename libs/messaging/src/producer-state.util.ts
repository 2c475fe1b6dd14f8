/**
 * Broker answers after which an idempotent producer cannot go on: its producer id and sequence numbers no longer match
 * the broker's (typically after a broker restart lost a batch the producer had already counted). kafkajs keeps
 * retrying with the same state and every later send fails the same way, so the producer has to be replaced by one
 * with a new producer id. Rows that were not acknowledged are published again and consumers drop repeats by event id.
 */
const PRODUCER_STATE_LOST = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_EPOCH',
  'INVALID_PRODUCER_ID_MAPPING',
]);

/** True when the error, or any error it wraps (kafkajs nests them in `cause`, `originalError` and `errors`), says so. */
export function producerStateLost(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { type?: unknown; cause?: unknown; originalError?: unknown; errors?: unknown };
  if (typeof e.type === 'string' && PRODUCER_STATE_LOST.has(e.type)) return true;
  const nested = [e.cause, e.originalError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return nested.some((n) => producerStateLost(n, depth + 1));
}
