import { Triage } from '@draftdesk/contracts';

export const REPEATED_CONTACT = 'repeated_contact';

/**
 * Emails from one address within a day from which it counts as repeated contact: a customer who had to ask a third
 * time, or an auto-responder looping with our replies that the automated-mail detector did not recognise. Either
 * way a person should take the conversation, so the policy's escalateOn sees it as a reason and a flag.
 */
export const REPEATED_CONTACT_THRESHOLD = 3;

export function withRepeatedContact<T extends Pick<Triage, 'reasons' | 'flags'>>(
  triage: T,
  recentInbound: number | undefined,
  threshold = REPEATED_CONTACT_THRESHOLD,
): T {
  if (recentInbound === undefined || recentInbound < threshold) return triage;
  return {
    ...triage,
    reasons: triage.reasons.includes(REPEATED_CONTACT) ? triage.reasons : [...triage.reasons, REPEATED_CONTACT],
    flags: triage.flags.includes(REPEATED_CONTACT) ? triage.flags : [...triage.flags, REPEATED_CONTACT],
  };
}
