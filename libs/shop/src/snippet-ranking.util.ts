import type { KbSnippet } from './shop.types';

// Words that say nothing about the topic; without them "ik wil mijn geld terug" ranks on "geld" and "terug".
const STOP_WORDS = new Set(
  (
    'a an and are as at be but by can could do for from have hello hi how i if in is it me my no not of on or ' +
    'our please so that the this to up was we what when where which will with would you your ' +
    'aan al als ben bij dag dat de den der des deze die dit doe doen een en er graag heb hebben het hoe hoi ' +
    'ik in is je jij jullie kan kunnen maar me met mij mijn na naar niet nog nu of om onder ons ook op over u ' +
    'uw van voor was wat wel wij wil zijn zou ' +
    'aber auch bitte das dem den der die ein eine ich ist mein meine mit nicht und von zu ' +
    'au avec bonjour ce dans de des du elle en est et je la le les ma mais me mes mon ne pas pour que qui un une vous'
  ).split(' '),
);

function stem(word: string): string {
  // Crude prefix stemming is enough to join "retourneren"/"retour" and "refunds"/"refund" for ranking.
  return word.length > 6 ? word.slice(0, 6) : word;
}

export function terms(text: string): Set<string> {
  const folded = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const out = new Set<string>();
  for (const word of folded.split(/[^a-z0-9]+/)) {
    if (word.length < 3 || STOP_WORDS.has(word)) continue;
    out.add(stem(word));
  }
  return out;
}

// Snippets are long-lived (loaded once per shop), so their terms are worth remembering.
const snippetTerms = new WeakMap<KbSnippet, { title: Set<string>; body: Set<string>; source: string }>();

function termsOf(snippet: KbSnippet): { title: Set<string>; body: Set<string> } {
  const source = snippet.title + '\u0000' + snippet.body;
  let cached = snippetTerms.get(snippet);
  if (!cached || cached.source !== source) {
    cached = { title: terms(snippet.title), body: terms(snippet.body), source };
    snippetTerms.set(snippet, cached);
  }
  return cached;
}

function score(snippet: KbSnippet, intent: string, queryTerms: Set<string>): number {
  // An article lists first the request it is written for; one that also covers it comes second among equals.
  const intentMatch = snippet.intents[0] === intent ? 10 : snippet.intents.includes(intent) ? 9 : 0;
  const { title: titleTerms, body: bodyTerms } = termsOf(snippet);
  let overlap = 0;
  for (const term of queryTerms) {
    if (titleTerms.has(term)) overlap += 2;
    else if (bodyTerms.has(term)) overlap += 1;
  }
  // Policies state what the shop promises, so among equals they beat a how-to article.
  const kindBonus = snippet.kind === 'policy' ? 0.5 : snippet.kind === 'article' ? 0.25 : 0;
  return intentMatch + Math.min(overlap, 8) + (intentMatch || overlap ? kindBonus : 0);
}

/**
 * In-memory ranking by intent match plus term overlap, in the customer's language (English, then anything,
 * when the shop has nothing in that language). Deterministic: ties break on id.
 */
export function selectSnippets(
  snippets: KbSnippet[],
  intent: string,
  language: string,
  text: string,
  limit = 3,
): KbSnippet[] {
  const base = (lang: string) => lang.toLowerCase().split(/[-_]/)[0];
  const wanted = base(language);
  let pool = snippets.filter((s) => base(s.language) === wanted);
  if (pool.length === 0) pool = snippets.filter((s) => base(s.language) === 'en');
  if (pool.length === 0) pool = snippets;
  const queryTerms = terms(text);
  return pool
    .map((snippet) => ({ snippet, score: score(snippet, intent, queryTerms) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.snippet.id.localeCompare(b.snippet.id))
    .slice(0, Math.max(0, limit))
    .map((r) => r.snippet);
}
