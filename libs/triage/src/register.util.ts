import { foldText } from './text-features.util';

export type Register = 'formal' | 'informal';

// Forms of address and set phrases that show how a customer addresses the shop; a reply in the same register reads
// as written by a person. Weights: a salutation or the polite pronoun is stronger evidence than a casual "hallo".
interface Marker {
  pattern: RegExp;
  weight: number;
}

const FORMAL: Record<string, Marker[]> = {
  nl: [
    { pattern: /\b(?:u|uw|uwe)\b/g, weight: 2 },
    {
      pattern:
        /\bgeachte\b|\bhoogachtend\b|\bmet (?:vriendelijke|hartelijke) groet(?:en)?\b|\bmevrouw\b|\bmeneer\b|\bheer\b/g,
      weight: 2,
    },
  ],
  de: [
    {
      pattern: /\bihnen\b|\bsehr geehrte\w*|\bdamen und herren\b|\bmit freundlichen grussen\b|\bhochachtungsvoll\b/g,
      weight: 2,
    },
  ],
  fr: [
    { pattern: /\bvous\b|\bvotre\b|\bvos\b/g, weight: 2 },
    {
      pattern: /\bmadame\b|\bmonsieur\b|\bcordialement\b|\bveuillez\b|\bsalutations distinguees\b|\bje vous prie\b/g,
      weight: 2,
    },
  ],
  en: [
    {
      pattern:
        /\bdear (?:sir|madam|sirs)\b|\bto whom it may concern\b|\byours (?:sincerely|faithfully)\b|\bkind regards\b|\bbest regards\b|\bi would be grateful\b|\bwould you kindly\b|\bsincerely\b/g,
      weight: 2,
    },
  ],
};

const INFORMAL: Record<string, Marker[]> = {
  nl: [
    { pattern: /\b(?:je|jij|jou|jouw|je?zelf)\b/g, weight: 2 },
    { pattern: /\bhoi\b|\bhey\b|\bhee\b|\bgroetjes\b|\bdoei\b|\bff\b|\bthanks\b|\btnx\b|\bgr\b/g, weight: 1 },
  ],
  de: [
    { pattern: /\b(?:du|dich|dir|dein|deine|deinen|deinem|deiner|euch|euer|eure)\b/g, weight: 2 },
    { pattern: /\bhey\b|\bhi\b|\blg\b|\bliebe grusse\b|\btschuss\b|\bciao\b/g, weight: 1 },
  ],
  fr: [
    { pattern: /\b(?:tu|toi|ton|ta|tes)\b|\bt'/g, weight: 2 },
    { pattern: /\bsalut\b|\bcoucou\b|\bbises\b|\bbisous\b|\bstp\b|\bmerci bcp\b/g, weight: 1 },
  ],
  en: [
    {
      pattern:
        /\bhey\b|\bhiya\b|\bhi\b|\bcheers\b|\bthx\b|\bpls\b|\bplz\b|\bu\b|\bur\b|\bwanna\b|\bgonna\b|\blol\b|\bya\b|\bguys\b/g,
      weight: 1,
    },
  ],
};

function score(folded: string, markers: Marker[] = []): number {
  return markers.reduce((sum, m) => sum + (folded.match(m.pattern)?.length ?? 0) * m.weight, 0);
}

/** The register the customer writes in, or undefined when the message shows none. */
export function detectRegister(text: string, language: string): Register | undefined {
  const folded = foldText(text).replace(/[’`]/g, "'");
  let formal = score(folded, FORMAL[language]);
  const informal = score(folded, INFORMAL[language]);
  // German "Sie"/"Ihr" is polite only in capitals and not at the start of a sentence, where "sie" may be "they".
  if (language === 'de')
    formal += 2 * (text.match(/(?<![.!?]\s*|^\s*)\b(?:Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer)\b/g)?.length ?? 0);
  if (!formal && !informal) return undefined;
  return formal >= informal ? 'formal' : 'informal';
}
