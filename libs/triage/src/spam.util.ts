// Cheap rules for unsolicited marketing and phishing reaching the support inbox; each rule adds a
// weight and two or more signals are needed, so a customer mentioning "bitcoin" once is not spam.
const SPAM_SIGNALS: { weight: number; pattern: RegExp }[] = [
  {
    weight: 2,
    pattern:
      /\b(?:seo|backlinks?|guest post|link building|page one of google|first page of google|web design services|app development services)\b/i,
  },
  {
    weight: 2,
    pattern:
      /\b(?:viagra|cialis|casino|lottery|you(?:'ve| have) won|winner|jackpot|prize claim|crypto(?:currency)? investment|bitcoin|forex)\b/i,
  },
  {
    weight: 2,
    pattern:
      /\b(?:verify your account|confirm your (?:password|identity|account)|account (?:has been )?suspended|unusual sign-in|login to avoid|uw account wordt geblokkeerd|bevestig uw gegevens)\b/i,
  },
  {
    weight: 1,
    pattern:
      /\b(?:click here|act now|limited time|risk[- ]free|100% free|no obligation|special promotion|klik hier|exclusive offer)\b/i,
  },
  { weight: 1, pattern: /\b(?:unsubscribe|afmelden|opt[- ]out)\b/i },
  {
    weight: 1,
    pattern:
      /\b(?:increase your (?:sales|traffic|revenue)|grow your business|partnership opportunity|business proposal)\b/i,
  },
];

export function detectSpam(text: string): { spam: boolean; phishing: boolean; score: number } {
  let score = 0;
  for (const signal of SPAM_SIGNALS) if (signal.pattern.test(text)) score += signal.weight;
  const links = (text.match(/https?:\/\//gi) ?? []).length;
  if (links >= 3) score += 1;
  const phishing = SPAM_SIGNALS[2].pattern.test(text) && links > 0;
  return { spam: score >= 3 || phishing, phishing, score };
}
