// PostgreSQL text cannot hold NUL, and jsonb also refuses the escape of an unpaired UTF-16 surrogate. Mail carries
// both (broken clients, hostile senders); neither means anything to a reader, so they are dropped or replaced.
const NUL = /\u0000/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The string without NUL, with each unpaired surrogate replaced by U+FFFD: storable in text and jsonb columns. */
export function storableText(value: string): string {
  return value.replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Every string in a plain structure (keys too) made storable; binary content (Buffer, typed arrays) is left as it is. */
export function storableDeep<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map((item) => storableDeep(item)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>))
    out[storableText(key)] = storableDeep(item);
  return out as T;
}
