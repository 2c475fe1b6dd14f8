import { detectAll, supportedLanguages, toISO2 } from 'tinyld';
import { splitMessage } from './message-parts.util';
import { foldText } from './text-features.util';

/** The languages a shop answers in when its profile names none. */
export const DEFAULT_LANGUAGES: readonly string[] = Object.freeze(['nl', 'en', 'de', 'fr']);

/** The ISO 639-1 codes the language detector knows: the languages a shop can name in TRIAGE_LANGUAGES. */
export const DETECTABLE_LANGUAGES: readonly string[] = Object.freeze(
  supportedLanguages.map((code) => toISO2(code)).filter((code) => /^[a-z]{2}$/.test(code)),
);

export interface LanguageOptions {
  /** ISO 639-1 codes the shop serves; the answer is one of them or `und`. */
  supported?: readonly string[];
}

// tinyld is reliable on sentences but wobbles on 5-word chat lines; frequent function words of the
// languages we serve first settle most of those cases.
const STOP_WORDS: Record<string, string[]> = {
  nl: (
    'de het een en van ik je jij u mijn is niet dat die wat waar hoe wil kan kunt graag bij voor met op aan ' +
    'naar er nog al ook maar dan wanneer waarom hebben heb heeft ben zijn wordt werd mij me jullie ons onze dit deze ' +
    'geen wel zou zal bestelling bedankt alstublieft alsjeblieft hallo hoi goedemiddag goedemorgen dag'
  ).split(' '),
  en: (
    'the a an and of i you my is not that this what where how want can could please with for on to in at ' +
    'have has am are was be it me your our no yes would will do does did why when order thanks thank hello hi ' +
    'get there just still'
  ).split(' '),
  de: (
    'der die das ein eine und ich sie du mein meine ist nicht dass was wo wie will kann können bitte mit fur ' +
    'auf zu im am habe hat bin sind wird mir mich ihr unser kein noch schon auch aber wann warum danke hallo ' +
    'bestellung moechte mochte guten tag'
  ).split(' '),
  fr: (
    'le la les un une et de du des je vous tu mon ma mes est pas que qui quoi ou comment veux peux pouvez ' +
    'sil plait avec pour sur dans au aux ai avez suis sont sera me moi votre notre ne plus encore aussi mais ' +
    'quand pourquoi merci bonjour commande ce cette'
  ).split(' '),
};
const STOP_SETS = Object.fromEntries(Object.entries(STOP_WORDS).map(([lang, words]) => [lang, new Set(words)]));
const PRIMARY = Object.keys(STOP_WORDS);

// Tokens that carry no language but sway a character-n-gram detector: an IBAN in capitals reads as Berber.
const NOISE = [
  /\b(?:https?:\/\/|www\.)\S+/gi,
  /\S+@\S+\.\w+/g,
  /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/gi,
  /\S*\d\S*/g,
  /\{\{[^}]*\}\}/g,
];

/** The words of a message that tell its language: greeting, request and sign-off, without numbers, links or IBANs. */
export function languageText(text: string): string {
  const { greeting, request, signOff } = splitMessage(text);
  let out = [greeting, request || text, signOff].filter(Boolean).join('\n');
  for (const pattern of NOISE) out = out.replace(pattern, ' ');
  // Whole words in capitals (shouting, acronyms) are read in lower case, as the detector was trained.
  out = out.replace(/\b\p{Lu}{2,}\b/gu, (word) => word.toLowerCase());
  if (out.replace(/[^\p{Ll}]/gu, '').length < out.replace(/[^\p{Lu}]/gu, '').length) out = out.toLowerCase();
  return out.replace(/\s+/g, ' ').trim();
}

export function detectLanguage(text: string, options: LanguageOptions = {}): { language: string; confidence: number } {
  const supported = new Set(options.supported?.length ? options.supported : DEFAULT_LANGUAGES);
  const clean = languageText(text);
  const letters = clean.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return { language: 'und', confidence: 0 };
  const tokens =
    foldText(clean)
      .replace(/'/g, '')
      .match(/\p{L}+/gu) ?? [];
  const primary = PRIMARY.filter((lang) => supported.has(lang));
  const stopHits: Record<string, number> = {};
  for (const lang of primary) stopHits[lang] = tokens.filter((t) => STOP_SETS[lang].has(t)).length;

  const unrestricted = detectAll(clean);
  const restricted = detectAll(clean, { only: [...supported] });
  // A text plainly in a language the shop does not serve stays undetermined rather than forced into a served one.
  const foreign = unrestricted[0] && !supported.has(unrestricted[0].lang) ? unrestricted[0].accuracy : 0;
  const supportedShare = unrestricted.filter((r) => supported.has(r.lang)).reduce((sum, r) => sum + r.accuracy, 0);
  const stopTotal = Object.values(stopHits).reduce((sum, n) => sum + n, 0);
  if (foreign > 0.5 && supportedShare < 0.1 && stopTotal <= tokens.length * 0.1)
    return { language: 'und', confidence: 0 };

  const scores = new Map<string, number>();
  for (const { lang, accuracy } of restricted) scores.set(lang, accuracy);
  const tinyTotal = [...scores.values()].reduce((s, v) => s + v, 0) || 1;
  for (const [lang, value] of scores) scores.set(lang, value / tinyTotal);
  // The stop-word evidence weighs more the shorter the text, where tinyld has least to go on.
  const weight = tokens.length <= 12 ? 0.75 : 0.3;
  for (const lang of primary) {
    const share = tokens.length ? stopHits[lang] / tokens.length : 0;
    scores.set(lang, (scores.get(lang) ?? 0) + weight * share * 2);
  }
  let best = 'und';
  let bestScore = 0;
  let total = 0;
  for (const [lang, score] of [...scores].sort((a, b) => a[0].localeCompare(b[0]))) {
    total += score;
    if (score > bestScore) [best, bestScore] = [lang, score];
  }
  if (bestScore <= 0) return { language: 'und', confidence: 0 };
  return { language: best, confidence: Math.round(Math.min(1, bestScore / (total || 1)) * 1000) / 1000 };
}
