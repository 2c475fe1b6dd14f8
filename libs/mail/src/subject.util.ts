// Reply/forward prefixes of nl/en/de/fr/nordic/iberian clients; "RE[2]" and "Re^2" come from MUAs that
// count replies instead of repeating the prefix.
const PREFIX = /^(?:re|fwd?|aw|wg|sv|vs|antw|antwoord|doorst|tr|odp|rv|enc)\s*(?:\[\d+\]|\^\d+|\(\d+\))?\s*[:：]\s*/i;

export function normalizeSubject(subject: string): string {
  let current = subject.replace(/\s+/g, ' ').trim();
  for (;;) {
    const next = current.replace(PREFIX, '').trim();
    if (next === current) return current;
    current = next;
  }
}
