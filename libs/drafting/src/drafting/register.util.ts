export type Register = 'formal' | 'informal';

// Markers of how a writer addresses us. German "Sie" is matched case-sensitively: lower-case "sie" is "she/they".
const MARKERS: Record<string, { formal: RegExp[]; informal: RegExp[] }> = {
  nl: {
    formal: [
      /\b(u|uw|uwe)\b/i,
      /\bgeachte\b/i,
      /\bheer\/mevrouw\b/i,
      /\bhoogachtend\b/i,
      /\bmet vriendelijke groet\b/i,
    ],
    informal: [/\b(je|jij|jou|jouw)\b/i, /\b(hoi|hey|heey|hallo)\b/i, /\bgroetjes\b/i],
  },
  de: {
    formal: [/\b(Sie|Ihnen|Ihr|Ihre|Ihrer|Ihren|Ihrem)\b/, /\bsehr geehrte/i, /\bmit freundlichen grüßen\b/i],
    informal: [/\b(du|dich|dir|dein|deine|deinen|deinem|euch|euer)\b/i, /\b(hi|hey|servus|moin)\b/i, /\bliebe grüße/i],
  },
  fr: {
    formal: [/\b(madame|monsieur)\b/i, /\bveuillez agréer\b/i, /\bcordialement\b/i],
    informal: [/\b(tu|toi|ton|ta|tes)\b/i, /\b(salut|coucou)\b/i, /\bbisous?\b/i],
  },
  en: {
    formal: [
      /\bdear\b/i,
      /\b(sir|madam)\b/i,
      /\byours (faithfully|sincerely)\b/i,
      /\bkind regards\b/i,
      /\bto whom it may concern\b/i,
    ],
    informal: [/^\s*(hi|hey|hiya|yo)\b/i, /\bcheers\b/i, /\bthanks!/i],
  },
};

/**
 * How formally the customer writes, from a handful of markers; null when the text gives no sign either way.
 * Triage may report the register itself; this is the cheap fallback for when it does not.
 */
export function detectRegister(text: string, language: string): Register | null {
  const markers = MARKERS[(language || '').toLowerCase().split(/[-_]/)[0]];
  if (!markers) return null;
  const count = (patterns: RegExp[]) => patterns.filter((p) => p.test(text)).length;
  const formal = count(markers.formal);
  const informal = count(markers.informal);
  if (formal === informal) return null;
  return formal > informal ? 'formal' : 'informal';
}
