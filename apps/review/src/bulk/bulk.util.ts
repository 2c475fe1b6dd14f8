import { createLogger } from '@draftdesk/observability';
import { HttpException } from '@nestjs/common';
import { z } from 'zod';

/** The most items one bulk request may name: a page of the inbox or the queue. */
export const BULK_MAX = 100;

/** A selection: 1 to 100 ids, each named once. */
export const bulkIdsSchema = z
  .array(z.string().uuid())
  .min(1, 'must name at least one')
  .max(BULK_MAX, `must name at most ${BULK_MAX}`)
  .refine((ids) => new Set(ids).size === ids.length, 'must not name an id twice');

/** What one item of a bulk request came to: done (with its new status), or refused with the single action's code. */
export type BulkOutcome =
  | { id: string; ok: true; status: string; version?: number }
  | { id: string; ok: false; statusCode: number; code: string; message: string };

export interface BulkResult {
  done: number;
  failed: number;
  results: BulkOutcome[];
}

/**
 * Runs the single action on each id on its own: an item refused (missing, stale, claimed, escalated) answers with
 * the single action's error code and leaves the others done. The ids go in sorted order and each in its own
 * transaction, so a bulk request holds at most one row lock at a time, in the same order as any other bulk request:
 * two requests over the same rows, named in opposite orders, wait for each other but cannot deadlock.
 */
export async function eachOnItsOwn(
  ids: readonly string[],
  work: (id: string) => Promise<{ status: string; version?: number }>,
): Promise<BulkResult> {
  const results: BulkOutcome[] = [];
  for (const id of [...ids].sort()) {
    try {
      const { status, version } = await work(id);
      results.push({ id, ok: true, status, ...(version === undefined ? {} : { version }) });
    } catch (error) {
      results.push(refusal(id, error));
    }
  }
  const done = results.filter((r) => r.ok).length;
  return { done, failed: results.length - done, results };
}

function refusal(id: string, error: unknown): BulkOutcome {
  if (error instanceof HttpException) {
    const body = error.getResponse();
    const { code, message } = (typeof body === 'object' ? body : { message: body }) as {
      code?: string;
      message?: string;
    };
    return { id, ok: false, statusCode: error.getStatus(), code: code ?? 'FAILED', message: message ?? error.message };
  }
  // Not a refusal of the item but a fault (the database went away): logged, and the item reported as not done.
  createLogger('BulkActions').error({ err: error, id }, 'bulk action failed on one item');
  return { id, ok: false, statusCode: 500, code: 'INTERNAL_ERROR', message: 'could not be done; try again' };
}
