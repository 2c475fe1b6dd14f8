const REPLY_PREFIX: Record<string, string> = { nl: 'Re', de: 'AW', fr: 'RE', en: 'Re' };

/**
 * The subject of our reply: the customer's own when it already marks a reply, else prefixed the way mail clients
 * in the customer's language do. A message without a subject (chat) gets none.
 */
export function replySubject(subject: string, language: string): string {
  const trimmed = subject.trim();
  if (!trimmed) return '';
  if (/^(re|aw|antw|sv)\s*:/i.test(trimmed)) return trimmed;
  return `${REPLY_PREFIX[language] ?? 'Re'}: ${trimmed}`;
}
