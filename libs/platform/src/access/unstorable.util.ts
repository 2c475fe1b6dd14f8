/** Where a value holds text PostgreSQL cannot store, and why. */
export interface UnstorableField {
  field: string;
  message: string;
}

// NUL is refused by text and jsonb alike; an unpaired surrogate becomes a \ud8xx escape that jsonb refuses.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function unstorableReason(text: string): string | null {
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  return match[0] === '\u0000'
    ? 'must not contain a NUL character (\\u0000)'
    : 'must not contain an unpaired UTF-16 surrogate';
}

const MAX_REPORTED = 20;

/**
 * Every string (value or key) in a parsed JSON body or query that PostgreSQL would refuse, with its dotted path.
 * Walks without recursion, so a deeply nested body cannot exhaust the stack.
 */
export function findUnstorable(value: unknown, root = ''): UnstorableField[] {
  const found: UnstorableField[] = [];
  const stack: [string, unknown][] = [[root, value]];
  const join = (path: string, key: string) => {
    const named = key === '' ? '""' : key;
    return path ? `${path}.${named}` : named;
  };
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const [path, current] = stack.pop()!;
    if (typeof current === 'string') {
      const reason = unstorableReason(current);
      if (reason) found.push({ field: path || '(body)', message: reason });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([join(path, String(i)), current[i]]);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current).reverse()) {
        const reason = unstorableReason(key);
        if (reason) found.push({ field: join(path, JSON.stringify(key).slice(1, -1)), message: `name ${reason}` });
        stack.push([join(path, key), child]);
      }
    }
  }
  return found;
}
