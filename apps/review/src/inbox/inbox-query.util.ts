import { FieldError, findUnstorable, zodFieldErrors } from '@draftdesk/platform';
import { z } from 'zod';

/** What a conversation is waiting for, derived from its messages, its newest review item and the desk's state. */
export const INBOX_STATUSES = ['open', 'pending_draft', 'waiting', 'snoozed', 'closed'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];
export const INBOX_VIEWS = ['all', 'mine', 'unassigned', 'escalated'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** A page boundary: the last row's activity (PostgreSQL's own text, microseconds kept) and id. */
const cursorSchema = z.object({ a: z.string().min(1).max(64), i: z.string().uuid() }).strict();
export type InboxCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(c: InboxCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(text: string): InboxCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success && !Number.isNaN(Date.parse(parsed.data.a)) ? parsed.data : null;
  } catch {
    return null;
  }
}

const filterShape = {
  view: z.enum(INBOX_VIEWS).default('all'),
  status: z.enum(INBOX_STATUSES).optional(),
  /** 'me', 'none' or a user id. */
  assignee: z.union([z.enum(['me', 'none']), z.string().uuid()]).optional(),
  channel: z.enum(['email', 'chat']).optional(),
  intent: z.string().max(100).optional(),
  language: z.string().max(20).optional(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
  /** breached: a pending draft past its SLA; on_time: a pending draft within it; none: no pending draft. */
  sla: z.enum(['breached', 'on_time', 'none']).optional(),
  q: z.string().trim().max(200).optional(),
  shop: z.string().optional(),
};

export const inboxQuerySchema = z
  .object({
    ...filterShape,
    cursor: z
      .string()
      .max(400)
      .transform((v, ctx) => {
        const c = decodeCursor(v);
        if (!c) ctx.addIssue({ code: 'custom', message: 'not a cursor this API gave out' });
        return c ?? undefined;
      })
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

/** The counts take the same filters but no view (every view is counted) and no page. */
export const inboxCountsSchema = z.object(filterShape).omit({ view: true, status: true }).strict();
export type InboxCountsQuery = z.infer<typeof inboxCountsSchema>;
export type InboxFilter = Omit<InboxQuery, 'cursor' | 'limit' | 'shop'>;

export function parseWith<S extends z.ZodTypeAny>(
  schema: S,
  query: Record<string, unknown>,
): { ok: true; value: z.infer<S> } | { ok: false; errors: FieldError[] } {
  const unstorable = findUnstorable(query);
  if (unstorable.length > 0) return { ok: false, errors: unstorable };
  const parsed = schema.safeParse(query);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: zodFieldErrors(parsed.error) };
}

/**
 * A search as a prefix tsquery over its words ("waar bestel" → 'waar:* & bestel:*'), or null without words. Only
 * letters and digits reach the query, so nothing the agent types can be read as tsquery syntax.
 */
export function searchQuery(q: string | undefined): string | null {
  const words = (q ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length
    ? words
        .slice(0, 8)
        .map((w) => `${w}:*`)
        .join(' & ')
    : null;
}
