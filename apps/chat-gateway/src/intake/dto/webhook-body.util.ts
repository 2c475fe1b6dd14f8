import { FieldError, findUnstorable, zodFieldErrors } from '@draftdesk/platform';
import { z } from 'zod';

export type WebhookBody<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * A signed webhook's parsed JSON against its DTO. Text PostgreSQL cannot store (NUL, unpaired surrogates) is refused
 * first, anywhere in the body — WhatsApp objects pass unknown fields through — so it is a 400 naming the field,
 * never a failed insert and a 500 that the provider would retry for days.
 */
export function parseWebhookBody<S extends z.ZodTypeAny>(schema: S, json: unknown): WebhookBody<z.output<S>> {
  const unstorable = findUnstorable(json);
  if (unstorable.length > 0) return { ok: false, errors: unstorable };
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: zodFieldErrors(parsed.error) };
}
