const SHINGLE = 3;

function shingles(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const out = new Set<string>();
  if (words.length < SHINGLE) {
    if (words.length) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

/**
 * Whether an earlier reply already said this paragraph: most of its three-word runs occur in one reply.
 * Runs rather than exact text, because a reviewer may have edited the earlier reply a little before sending.
 */
export function alreadySaid(paragraph: string, earlierReplies: string[], threshold = 0.8): boolean {
  const mine = shingles(paragraph);
  if (mine.size === 0) return false;
  return earlierReplies.some((reply) => {
    const theirs = shingles(reply);
    let shared = 0;
    for (const s of mine) if (theirs.has(s)) shared++;
    return shared / mine.size >= threshold;
  });
}

/** Fraction of a draft's three-word runs found in the earlier replies; the eval reports it. */
export function repeatedShare(draft: string, earlierReplies: string[]): number {
  const mine = shingles(draft);
  if (mine.size === 0) return 0;
  const theirs = new Set(earlierReplies.flatMap((r) => [...shingles(r)]));
  let shared = 0;
  for (const s of mine) if (theirs.has(s)) shared++;
  return shared / mine.size;
}
