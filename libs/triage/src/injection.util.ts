// Customer text is untrusted input to the drafter's language model. These rules catch text that talks
// to the model rather than to the shop, in the languages we serve, including text hidden in HTML.

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

export function detectPromptInjection(text: string, html?: string | null): { flagged: boolean; reasons: string[] } {
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
      // Hidden text is suspicious only when it says something a model might act on.
      if (
        check(fragment) ||
        /\b(?:ai|assistant|model|llm|gpt|instructions?|instructies|prompt|refund|terugbetaling)\b/i.test(fragment)
      ) {
        reasons.add('hidden_html');
      }
    }
    check(stripTags(html.replace(/<!--[\s\S]*?-->/g, ' ')));
  }
  return { flagged: reasons.size > 0, reasons: [...reasons].sort() };
}
