/** An error that retrying cannot fix: the event goes straight to the dead-letter topic. */
export class PermanentEventError extends Error {
  readonly retryable = false;
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}

const INFRASTRUCTURE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
]);

/**
 * The database or network is down: dead-lettering would lose events that are fine. The consumer stops and the
 * bus redelivers once it is back.
 */
export function isInfrastructureError(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string } };
  const code = e?.code ?? e?.driverError?.code;
  if (code && INFRASTRUCTURE_CODES.has(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(e?.message ?? '');
}

export function isPermanent(error: unknown): boolean {
  return (error as { retryable?: boolean })?.retryable === false;
}
