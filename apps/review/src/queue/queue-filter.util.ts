import { draftStatusSchema } from '@draftdesk/contracts';
import { FieldError, findUnstorable, zodFieldErrors } from '@draftdesk/platform';
import { z } from 'zod';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const queueFilterSchema = z
  .object({
    status: draftStatusSchema.default('pending'),
    intent: z.string().max(100).optional(),
    language: z.string().max(20).optional(),
    priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
    channel: z.enum(['email', 'chat']).optional(),
    mailbox: z.string().max(320).optional(),
    /** 'me', 'none' or a user id. */
    assignee: z.union([z.enum(['me', 'none']), z.string().uuid()]).optional(),
    escalated: bool.optional(),
    breached: bool.optional(),
    /** Items whose draft was rejected for the assignee to write the reply (true), or the others (false). */
    needsReply: bool.optional(),
    /** Only items due before this instant; PostgreSQL refuses year 0 and offsets that push it there. */
    dueBefore: z
      .string()
      .datetime({ offset: true })
      .refine((v) => inPostgresRange(new Date(v)), 'must be between the years 1 and 9999 (UTC)')
      .optional(),
    /** Snoozed items are hidden until their time comes, unless asked for. */
    includeSnoozed: bool.default(false),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
    shop: z.string().optional(),
  })
  .strict();
export type QueueFilter = z.infer<typeof queueFilterSchema>;

function inPostgresRange(instant: Date): boolean {
  const year = instant.getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** A query string as a filter, or every bad parameter named (text PostgreSQL cannot store included). */
export function parseQueueFilter(
  query: Record<string, unknown>,
): { ok: true; filter: QueueFilter } | { ok: false; errors: FieldError[] } {
  const unstorable = findUnstorable(query);
  if (unstorable.length > 0) return { ok: false, errors: unstorable };
  const parsed = queueFilterSchema.safeParse(query);
  return parsed.success ? { ok: true, filter: parsed.data } : { ok: false, errors: zodFieldErrors(parsed.error) };
}

export interface SqlWhere {
  sql: string;
  params: unknown[];
}

/** Builds the WHERE clause of a queue query; the shop is always the first condition, whatever else is asked. */
export function queueWhere(
  shopId: string,
  userId: string,
  f: Omit<QueueFilter, 'limit' | 'offset'>,
  now = new Date(),
): SqlWhere {
  const params: unknown[] = [shopId];
  const conditions = ['shop_id = $1'];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  add((p) => `status = ${p}`, f.status);
  if (f.intent) add((p) => `intent = ${p}`, f.intent);
  if (f.language) add((p) => `language = ${p}`, f.language);
  if (f.priority) add((p) => `priority = ${p}`, f.priority);
  if (f.channel) add((p) => `channel = ${p}`, f.channel);
  if (f.mailbox) add((p) => `mailbox = ${p}`, f.mailbox);
  if (f.assignee === 'none') conditions.push('assignee_id IS NULL');
  else if (f.assignee) add((p) => `assignee_id = ${p}`, f.assignee === 'me' ? userId : f.assignee);
  if (f.escalated !== undefined) conditions.push(f.escalated ? 'escalated' : 'NOT escalated');
  if (f.breached !== undefined) conditions.push(f.breached ? 'sla_breached_at IS NOT NULL' : 'sla_breached_at IS NULL');
  if (f.needsReply !== undefined) conditions.push(f.needsReply ? 'needs_human_reply' : 'NOT needs_human_reply');
  if (f.dueBefore) add((p) => `due_at < ${p}`, f.dueBefore);
  if (!f.includeSnoozed) add((p) => `(snoozed_until IS NULL OR snoozed_until <= ${p})`, now.toISOString());
  return { sql: conditions.join(' AND '), params };
}

/** Parses If-Match ("3", W/"3") into a version; undefined when absent, NaN when unreadable. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  return match ? Number(match[1]) : Number.NaN;
}

export const etagOf = (version: number) => `"${version}"`;
