// Customer text is untrusted input to the drafter's language model. These rules catch text that talks
// to the model rather than to the shop, in the languages we serve, including text hidden in HTML: triage flags
// it, and the drafting gate checks the raw input again with the same rules.

const INJECTION_RULES: { reason: string; pattern: RegExp }[] = [
  {
    reason: 'instruction_override',
    pattern:
      /\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:previous|prior|above|earlier|all|your|the)\b.{0,30}\b(?:instructions?|prompts?|rules?|guidelines?|directions?|context)\b/i,
  },
  {
    reason: 'instruction_override',
    pattern: /\b(?:negeer|vergeet|omzeil)\b.{0,40}\b(?:instructies?|opdrachten?|regels|prompt|richtlijnen)\b/i,
  },
  {
    reason: 'instruction_override',
    pattern: /\b(?:ignoriere|vergiss|missachte)\b.{0,40}\b(?:anweisungen|instruktionen|regeln|prompt|vorgaben)\b/i,
  },
  {
    reason: 'instruction_override',
    pattern: /\b(?:ignore[zr]?|oublie[zr]?)\b.{0,40}\b(?:instructions?|consignes|r[eè]gles)\b/i,
  },
  {
    reason: 'instruction_override',
    pattern: /\bnew instructions?\s*:|\bnieuwe instructies?\s*:|\bneue anweisungen?\s*:/i,
  },
  {
    reason: 'role_change',
    pattern:
      /\byou are (?:now|no longer)\b|\bje bent nu\b|\bu bent nu\b|\bdu bist (?:jetzt|nun)\b|\btu es maintenant\b/i,
  },
  {
    reason: 'role_change',
    pattern:
      /\b(?:act|behave|respond) as (?:an?|the|if)\b|\bpretend (?:to be|you are)\b|\bgedraag je als\b|\bdoe alsof je\b/i,
  },
  {
    reason: 'system_prompt',
    pattern:
      /\bsystem\s*prompt\b|\bsysteemprompt\b|\b(?:reveal|print|show|repeat) (?:your|the) (?:instructions|prompt|rules)\b/i,
  },
  { reason: 'system_prompt', pattern: /<\/?(?:system|assistant|instructions?)>|\[\/?(?:INST|SYS)\]|<\|im_start\|>/i },
  {
    reason: 'addresses_ai',
    pattern:
      /\b(?:dear|hey|hi|attention|note to (?:the)?)\s+(?:ai|assistant|chatbot|bot|language model|llm|gpt|chatgpt)\b|\b(?:as an ai|ai assistant|language model|large language model)\b.{0,60}\b(?:must|should|will|moet|zal)\b/i,
  },
  {
    reason: 'addresses_ai',
    pattern: /\b(?:beste|hallo|hoi|liebe[rs]?|cher)\s+(?:ai|assistent|chatbot|bot|ki|taalmodel|sprachmodell)\b/i,
  },
  { reason: 'jailbreak', pattern: /\b(?:jailbreak|developer mode|dan mode|do anything now)\b/i },
  {
    reason: 'unauthorised_action',
    pattern:
      /\b(?:issue|approve|grant|send|give)\b.{0,30}\b(?:full refund|refund of|100% discount|discount code|voucher|gift card)\b.{0,40}\b(?:immediately|without (?:checking|approval|verification))\b/i,
  },
  // Requests aimed at the drafting model to act for the sender, leak data, or change how it writes.
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

const HIDDEN_STYLE =
  /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:;|"|'|$)|opacity\s*:\s*0(?:\.0+)?\s*(?:;|"|'|$)|(?:^|[;"'\s])color\s*:\s*(?:#fff(?:fff)?\b|white\b|rgb\(\s*255\s*,\s*255\s*,\s*255\s*\))|max-height\s*:\s*0|width\s*:\s*0(?:px)?\s*;\s*height\s*:\s*0/i;

function stripTags(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text a mail client would not show: HTML comments and elements styled to be invisible. */
export function extractHiddenHtmlText(html: string): string[] {
  const hidden: string[] = [];
  for (const m of html.matchAll(/<!--([\s\S]*?)-->/g)) {
    const text = m[1].trim();
    if (text && !/^\[if |^\s*<!\[endif\]/i.test(text)) hidden.push(stripTags(text));
  }
  const open = /<([a-z][a-z0-9]*)\b([^>]*)>/gi;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const attrs = m[2];
    const style = /style\s*=\s*("[^"]*"|'[^']*')/i.exec(attrs)?.[1] ?? '';
    if (
      !HIDDEN_STYLE.test(style) &&
      !/\bhidden\b(?!\s*=\s*["']false)/i.test(attrs.replace(/style\s*=\s*("[^"]*"|'[^']*')/i, ''))
    ) {
      continue;
    }
    const tag = m[1].toLowerCase();
    const close = new RegExp(`</${tag}\\s*>`, 'i');
    const rest = html.slice(open.lastIndex);
    const end = close.exec(rest);
    const inner = stripTags(end ? rest.slice(0, end.index) : rest.slice(0, 2000));
    if (inner) hidden.push(inner);
  }
  return hidden;
}

export interface InjectionScreen {
  flagged: boolean;
  reasons: string[];
}

/** The rules over the text, the HTML as shown, and any HTML hidden from the reader. */
export function detectPromptInjection(text: string, html?: string | null): InjectionScreen {
  const reasons = new Set<string>();
  const check = (value: string): boolean => {
    let hit = false;
    for (const rule of INJECTION_RULES) {
      if (rule.pattern.test(value)) {
        reasons.add(rule.reason);
        hit = true;
      }
    }
    return hit;
  };
  check(text);
  if (html) {
    const hidden = extractHiddenHtmlText(html);
    for (const fragment of hidden) {
      // Hidden text is suspicious when it says something a model might act on, and whole sentences a customer
      // cannot see have no business in a support mail, whatever they say.
      if (
        check(fragment) ||
        /\b(?:ai|assistant|model|llm|gpt|instructions?|instructies|prompt|refund|terugbetaling)\b/i.test(fragment) ||
        fragment.split(/\s+/).filter(Boolean).length >= 4
      ) {
        reasons.add('hidden_html');
      }
    }
    check(stripTags(html.replace(/<!--[\s\S]*?-->/g, ' ')));
  }
  return { flagged: reasons.size > 0, reasons: [...reasons].sort() };
}
