export type Concern = 'safety' | 'legal';

/** Whole words only; \b would not see a boundary before "überhitzt" or after "brûlé". */
function words(alternatives: string): RegExp {
  return new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})`, 'iu');
}

const LEGAL_REASONS = ['legal_threat', 'chargeback'];

// A second line of defence behind triage, like the injection screen: a missed safety report does harm, so the
// drafter looks for the plainest words itself. Triage's lexicons stay the primary signal.
const SAFETY = words(
  'smok(e|ed|ing)|on fire|caught fire|burn(t|ed|ing)?|overheat\\p{L}*|extremely hot|sparks?|explod\\p{L}*|electric shock|rook|rookt|rookte|roken|rookontwikkeling|smeult|vlam(men)?|vlam gevat|brand(je|wond\\p{L}*)?|oververhit\\p{L}*|gloeiend heet|vonk\\p{L}*|ontplof\\p{L}*|geëxplodeerd|schok|rauch\\p{L}*|brann?te?|brennt|feuer|überhitz\\p{L}*|funken|explodiert|stromschlag|fumée|fume|feu|brûl\\p{L}*|surchauff\\p{L}*|étincelles?|explos\\p{L}*|décharge électrique',
);
const LEGAL = words(
  'ingebrekestelling|in gebreke|advoca(at|ten)|incassobureau|geschillencommissie|rechter|rechtszaak|dagvaarding|lawyer|attorney|solicitor|legal action|small claims|court|sue|notice of default|anwalt|anwältin|rechtsanwalt|mahnung|klage|gericht|inverzugsetzung|avocat|mise en demeure|tribunal|poursuites?|procès|chargeback|terugboeking|rückbuchung|rétrofacturation|opposition bancaire',
);

/** Which holding reply, if any, the message needs: from triage's reasons and flags, then from the text itself. */
export function screenForConcern(
  triage: { reasons: string[]; flags: string[] },
  text: string,
): { concern: Concern | null; reason: string | null } {
  const signals = [...triage.reasons, ...triage.flags];
  if (signals.includes('safety')) return { concern: 'safety', reason: 'safety' };
  const legal = LEGAL_REASONS.find((r) => signals.includes(r));
  if (legal) return { concern: 'legal', reason: legal };
  if (SAFETY.test(text)) return { concern: 'safety', reason: 'safety' };
  if (LEGAL.test(text)) return { concern: 'legal', reason: 'legal_threat' };
  return { concern: null, reason: null };
}
