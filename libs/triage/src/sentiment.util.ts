import { Sentiment, Urgency } from './triage.types';
import { detectRiskSignals } from './risk-signals.util';
import { foldText } from './text-features.util';

// Lexicon + rules for nl/en/de/fr. Reasons are what an agent needs to see at a glance; they also
// drive urgency, since a legal threat matters more than a merely unhappy tone. Safety, legal threats and
// chargebacks come from risk-signals.util.ts.
const TONE_RULES: { reason: string; pattern: RegExp }[] = [
  {
    reason: 'cancellation_threat',
    pattern:
      /\b(?:never (?:order|buy|shop)(?:ing)? (?:here |from you )?again|close my account for good|take my business elsewhere|nooit meer (?:bestellen|kopen|iets)|nooit meer bij jullie|ik zeg mijn (?:abonnement|lidmaatschap) op|nie wieder (?:bestellen|kaufen)|plus jamais)\b/,
  },
  {
    reason: 'repeated_contact',
    pattern:
      /\b(?:(?:second|third|fourth|fifth|2nd|3rd|4th|5th) time|already (?:emailed|called|contacted|asked|wrote|written)|(?:emailed|called|contacted|written to) you (?:twice|three times|several times|multiple times)|still no (?:answer|reply|response)|no one (?:has )?(?:answered|replied)|voor de (?:tweede|derde|vierde|vijfde|zoveelste) keer|al (?:twee|drie|vier|meerdere|verschillende) keer|nog steeds geen (?:antwoord|reactie)|zum (?:zweiten|dritten|wiederholten) mal|bereits (?:zweimal|dreimal|mehrfach)|pour la (?:deuxieme|troisieme) fois|toujours pas de reponse)\b/,
  },
];

const NEGATIVE =
  /\b(?:angry|furious|upset|disappointed|terrible|horrible|awful|worst|ridiculous|unacceptable|disgusting|useless|scam|fraud|broken|damaged|never again|annoyed|frustrated|wtf|damn|shit|crap|pathetic|boos|woedend|teleurgesteld|slecht|slechtste|belachelijk|onacceptabel|schandalig|waardeloos|oplichters?|kapot|beschadigd|klote|verschrikkelijk|balen|wuetend|wutend|enttauscht|schlecht|unverschamt|unverschaemt|katastrophe|kaputt|betrug|decu|furieux|inacceptable|nul|arnaque|casse|honteux|scandaleux)\b/g;
const POSITIVE =
  /\b(?:thanks?|thank you|great|awesome|excellent|perfect|love|happy|amazing|wonderful|fantastic|helpful|appreciate|bedankt|dank(?:je|jewel|u)?|top|geweldig|super|fijn|blij|tevreden|prima|uitstekend|danke|toll|wunderbar|zufrieden|merci|parfait|genial|content|ravi)\b/g;
const URGENT =
  /\b(?:urgent|asap|immediately|right now|emergency|dringend|spoed|meteen|onmiddellijk|direct|sofort|eilig|notfall|tout de suite|immediatement)\b/;
const SOON =
  /\b(?:today|tomorrow|tonight|deadline|as soon as possible|vandaag|morgen|vanavond|zo snel mogelijk|heute|morgen|so schnell wie moglich|aujourd'hui|demain|des que possible)\b/;

export interface SentimentAnalysis {
  sentiment: Sentiment;
  urgency: Urgency;
  reasons: string[];
}

export function analyseSentiment(text: string): SentimentAnalysis {
  const folded = foldText(text);
  const risk = detectRiskSignals(text);
  const reasons = [
    ...(risk.legalThreat ? ['legal_threat'] : []),
    ...(risk.chargeback ? ['chargeback'] : []),
    ...(risk.press ? ['press'] : []),
    ...TONE_RULES.filter((rule) => rule.pattern.test(folded)).map((rule) => rule.reason),
    ...(risk.safety ? ['safety'] : []),
  ];
  const negative = (folded.match(NEGATIVE) ?? []).length;
  const positive = (folded.match(POSITIVE) ?? []).length;
  const shouting = /[A-Z]{5,}(?:\s+[A-Z]{3,}){2,}/.test(text) || /!{3,}/.test(text);
  const score = positive - negative * 1.5 - (shouting ? 1 : 0) - (reasons.length ? 2 : 0);
  const sentiment: Sentiment = score <= -1 ? 'negative' : score >= 1 ? 'positive' : 'neutral';

  let urgency: Urgency = 'normal';
  if (reasons.includes('safety') || reasons.includes('legal_threat') || reasons.includes('chargeback'))
    urgency = 'urgent';
  else if (URGENT.test(folded) || reasons.length > 0) urgency = 'high';
  else if (SOON.test(folded) || (sentiment === 'negative' && negative >= 2)) urgency = 'high';
  else if (sentiment === 'positive' && negative === 0) urgency = 'low';
  return { sentiment, urgency, reasons };
}
