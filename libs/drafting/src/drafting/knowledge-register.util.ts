import type { DraftRequest } from '../draft.types';
import type { KbSnippet } from '@draftdesk/shop';
import { selectSnippets } from '@draftdesk/shop';

// Only these languages change their pronouns with the register; English and French articles read fine either way.
export const REGISTER_LANGUAGES = new Set(['nl', 'de']);

/** The register an article is written in: its own front matter, else the shop's tone. */
function articleRegister(snippet: KbSnippet, shopTone: string): 'formal' | 'informal' {
  return snippet.register ?? (shopTone === 'formal' ? 'formal' : 'informal');
}

// Versions of one article in two registers are one page: they share its url.
function sameArticle(a: KbSnippet, b: KbSnippet): boolean {
  return a.url ? a.url === b.url : a.id === b.id;
}

/**
 * Whether the reply is formal: the shop's tone, raised by a customer (or a legal notice) more formal than the shop,
 * and, when the customer shows neither register, by knowledge the shop keeps only in the formal register (a German
 * help page that says "Sie"): then the answer can be quoted in a reply of one register rather than only linked.
 */
export function replyIsFormal(request: DraftRequest, intent: string, language: string): boolean {
  if (request.shop.tone === 'formal' || request.register === 'formal' || request.concern === 'legal') return true;
  if (request.register || !REGISTER_LANGUAGES.has(language)) return false;
  const [top, ...rest] = selectSnippets(request.snippets, intent, language, request.customerText, 4);
  if (!top) return false;
  return [top, ...rest.filter((s) => sameArticle(s, top))].every(
    (s) => articleRegister(s, request.shop.tone) === 'formal',
  );
}

/** Whether quoting the article keeps the reply in one register. */
export function speaksLikeReply(snippet: KbSnippet, language: string, formal: boolean, shopTone: string): boolean {
  return !REGISTER_LANGUAGES.has(language) || (articleRegister(snippet, shopTone) === 'formal') === formal;
}

/** The best article (of one kept in both registers, the version that speaks like the reply) and the best on another page. */
export function pickArticles(
  ranked: KbSnippet[],
  language: string,
  formal: boolean,
  shopTone: string,
): [KbSnippet?, KbSnippet?] {
  const [top] = ranked;
  if (!top) return [];
  const speaks = (s: KbSnippet) => speaksLikeReply(s, language, formal, shopTone);
  const best = speaks(top) ? top : (ranked.find((s) => sameArticle(s, top) && speaks(s)) ?? top);
  return [best, ranked.find((s) => !sameArticle(s, best))];
}
