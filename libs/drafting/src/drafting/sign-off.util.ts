// Sign-offs in the four reply languages; a signature that opens with one of them already says goodbye.
const SIGN_OFF =
  /^(met )?(vriendelijke|hartelijke) groet(en)?|^groet(jes|en)|^(kind|best|warm) (regards|wishes)|^regards|^(yours )?(sincerely|faithfully)|^(mit )?(freundlichen|besten|herzlichen|viele|liebe) grüße?n?|^(bien |très )?cordialement|^veuillez agréer|^salutations|^bien à vous/i;

export function startsWithSignOff(signature: string): boolean {
  const firstLine = signature.trim().split('\n')[0].trim();
  return SIGN_OFF.test(firstLine);
}

/** The closing line and the shop's signature, without saying goodbye twice when the signature already does. */
export function signOff(closing: string, signature: string): string {
  const trimmed = signature.trim();
  return startsWithSignOff(trimmed) ? trimmed : `${closing}\n${trimmed}`;
}
