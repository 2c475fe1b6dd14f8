import { detectPromptInjection, extractHiddenHtmlText } from '@draftdesk/triage';

// Rules the triage engine's detector does not (yet) have: requests aimed at the drafting model to act for the
// sender, leak data, or change how it writes. Kept here so the gate does not depend on triage being current.
const EXTRA_RULES: { reason: string; pattern: RegExp }[] = [
  {
    reason: 'data_exfiltration',
    pattern:
      /\b(?:forward|send|email|mail|export|copy|leak|share|post|upload)\b.{0,50}\b(?:all|every|other(?:\s+\w+)?|everyone's)\b.{0,30}\b(?:customers?|orders|data|records|addresses|emails?|conversations|database|tickets|invoices)\b/i,
  },
  {
    reason: 'data_exfiltration',
    pattern: /\b(?:export|dump|upload|leak)\b.{0,30}\b(?:database|customer data|records|conversations)\b/i,
  },
  {
    reason: 'data_exfiltration',
    pattern:
      /\b(?:stuur|stuurt|mail|exporteer|deel|kopieer)\b.{0,60}\b(?:alle|andere)\b.{0,30}\b(?:klant\w*|gegevens|bestellingen|adressen|e-?mailadressen|gesprekken|facturen)\b|\b(?:exporteer|deel|lek)\b.{0,30}\b(?:database|klantgegevens|gesprekken)\b/i,
  },
  {
    reason: 'data_exfiltration',
    pattern:
      /\b(?:alle|andere)\b.{0,20}\b(?:klant\w*|e-?mailadressen|adressen|bestellingen|gesprekken)\b.{0,60}\b(?:kopi\S*|stuur\w*|mail\w*|doorsturen|exporte\w+|delen|deel)\b|\b(?:adressen|gegevens|e-?mailadressen|bestellingen|gesprekken)\b.{0,10}\bvan\s+(?:andere|alle)\s+klanten\b/i,
  },
  {
    reason: 'tone_change',
    pattern:
      /\b(?:respond|reply|answer|write|talk|speak)\b.{0,40}\b(?:like a pirate|in pirate|rudely|rude|insult|sarcastic|in all caps|in capitals|as shakespeare|in rhyme|with swear)/i,
  },
  {
    reason: 'tone_change',
    pattern:
      /\b(?:antwoord|schrijf|reageer|praat)\b.{0,40}\b(?:als een piraat|onbeleefd|grof|sarcastisch|in hoofdletters|in rijm|beledig)/i,
  },
  {
    reason: 'unauthorised_action',
    pattern:
      /\b(?:assistant|ai|bot|system|model|agent)\b.{0,60}\b(?:refund|approve|issue|grant|send|confirm|promise)\b|\b(?:confirm|state|say|write|tell (?:me|the customer))\b.{0,30}\bthat\b.{0,40}\b(?:refund(?:ed)?|approved|free of charge|discount|compensat)/i,
  },
  {
    reason: 'unauthorised_action',
    pattern:
      /\b(?:bevestig|zeg|schrijf|beloof)\b.{0,40}\b(?:dat|een)\b.{0,40}\b(?:terugbetaling|terugbetaald|gratis|korting|vergoeding|compensatie|goedgekeurd)/i,
  },
  {
    reason: 'system_prompt',
    pattern:
      /\b(?:instructies|prompt|regels|configuratie)\b.{0,30}\b(?:laten zien|tonen|geven|herhalen|printen|delen)\b|\b(?:toon|geef|herhaal|deel)\b.{0,20}\b(?:je|jouw|uw)\b.{0,20}\b(?:instructies|prompt|systeemregels|regels)\b/i,
  },
  {
    reason: 'system_prompt',
    pattern:
      /\b(?:what (?:are|were) your|output your|tell me your|print your|reveal)\b.{0,30}\b(?:instructions|prompt|rules|guidelines|configuration|secrets?|canary)\b/i,
  },
  {
    reason: 'addresses_ai',
    pattern: /\b(?:als|beste|hoi|hallo)\s+(?:ai|assistent|bot|chatbot|taalmodel)\b.{0,40}\b(?:moet|zal|mag)\b/i,
  },
  { reason: 'instruction_override', pattern: /\b(?:from now on|vanaf nu|voortaan)\b.{0,60}\b(?:you|je|jij|u)\b/i },
  {
    reason: 'delimiter_escape',
    pattern:
      /<\/?(?:customer_message|untrusted|user|context|policy)\b[^>]*>|```\s*(?:system|instructions)|###\s*(?:system|instruction)/i,
  },
];

export interface InjectionScreen {
  flagged: boolean;
  reasons: string[];
}

/** The triage detector plus the rules above, over the text, the subject and any HTML hidden from the reader. */
export function screenForInjection(text: string, html: string | null, subject?: string): InjectionScreen {
  const base = detectPromptInjection([subject ?? '', text].join('\n'), html);
  const reasons = new Set(base.reasons);
  const hidden = html ? extractHiddenHtmlText(html) : [];
  const visibleHtml = html ? html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]+>/g, ' ') : '';
  for (const value of [subject ?? '', text, visibleHtml, ...hidden]) {
    for (const rule of EXTRA_RULES) if (rule.pattern.test(value)) reasons.add(rule.reason);
  }
  // Whole sentences a customer cannot see have no business in a support mail, whatever they say.
  if (hidden.some((fragment) => fragment.split(/\s+/).filter(Boolean).length >= 4)) reasons.add('hidden_html');
  return { flagged: reasons.size > 0, reasons: [...reasons].sort() };
}
