// The codes the desk receives (intents, the reasons a draft carries, escalation triggers and flags) in words, in
// English and Dutch. A spec checks that every intent and every reason code the product knows has both.

export type Locale = 'en' | 'nl';

export const INTENT_LABELS: Record<Locale, Record<string, string>> = {
  en: {
    create_account: 'create an account',
    delete_account: 'delete the account',
    edit_account: 'change account details',
    recover_password: 'password reset',
    registration_problems: 'trouble signing up',
    switch_account: 'switch accounts',
    check_cancellation_fee: 'cancellation fee',
    contact_customer_service: 'how to reach support',
    contact_human_agent: 'wants a person',
    delivery_options: 'delivery options',
    delivery_period: 'delivery time',
    complaint: 'complaint',
    review: 'review or feedback',
    check_invoice: 'question about an invoice',
    get_invoice: 'wants an invoice',
    newsletter_subscription: 'newsletter',
    cancel_order: 'cancel an order',
    change_order: 'change an order',
    place_order: 'help ordering',
    track_order: 'where is my order',
    check_payment_methods: 'payment methods',
    payment_issue: 'payment problem',
    check_refund_policy: 'refund policy',
    get_refund: 'wants a refund',
    track_refund: 'where is my refund',
    change_shipping_address: 'change the delivery address',
    set_up_shipping_address: 'add a delivery address',
    other: 'other',
  },
  nl: {
    create_account: 'account aanmaken',
    delete_account: 'account verwijderen',
    edit_account: 'accountgegevens wijzigen',
    recover_password: 'wachtwoord vergeten',
    registration_problems: 'problemen met registreren',
    switch_account: 'ander account gebruiken',
    check_cancellation_fee: 'annuleringskosten',
    contact_customer_service: 'contact met de klantenservice',
    contact_human_agent: 'wil een medewerker spreken',
    delivery_options: 'bezorgopties',
    delivery_period: 'levertijd',
    complaint: 'klacht',
    review: 'review of feedback',
    check_invoice: 'vraag over een factuur',
    get_invoice: 'wil een factuur',
    newsletter_subscription: 'nieuwsbrief',
    cancel_order: 'bestelling annuleren',
    change_order: 'bestelling wijzigen',
    place_order: 'hulp bij bestellen',
    track_order: 'waar blijft mijn bestelling',
    check_payment_methods: 'betaalmethoden',
    payment_issue: 'betaalprobleem',
    check_refund_policy: 'terugbetalingsbeleid',
    get_refund: 'wil geld terug',
    track_refund: 'waar blijft mijn terugbetaling',
    change_shipping_address: 'bezorgadres wijzigen',
    set_up_shipping_address: 'bezorgadres toevoegen',
    other: 'overig',
  },
};

export const REASON_LABELS: Record<Locale, Record<string, string>> = {
  en: {
    automated: 'automated mail (out of office, bounce): no reply needed',
    escalate: 'handed to a senior colleague',
    flag: 'flagged by triage',
    no_draft: 'no draft could be written',
    canary_leak: 'the draft leaked the hidden test phrase',
    ungrounded: 'a fact in the draft is not in the order data or the knowledge base',
    refund_above_limit: 'refund above the limit the policy allows',
    discount_above_limit: 'discount above the limit the policy allows',
    auto_send_disabled: 'auto-send is off for this shop',
    intent_not_auto: 'auto-send is not on for this kind of question',
    low_confidence: 'triage was not sure enough',
    outside_business_hours: 'outside business hours',
    policy_allows: 'the policy allows sending it without a person',
    injection: 'the message tries to instruct the assistant',
    holding_reply: 'a holding reply: a person must follow up',
    delivery_overdue: 'the delivery is overdue',
    already_answered: 'this was answered before in the thread',
    product_unanswered: 'a product question the sources do not answer',
    identity_unverified: 'the customer’s identity is not verified: no order facts used',
    order_lookup_failed: 'the order source did not answer',
    order_not_found: 'no order with that number for this customer',
    llm_budget_exhausted: 'the language model budget is used up: written offline',
    llm_fallback: 'the language model failed: written offline',
    redraft: 'rewritten on a colleague’s request',
  },
  nl: {
    automated: 'automatische mail (afwezigheid, bounce): geen antwoord nodig',
    escalate: 'doorgezet naar een senior collega',
    flag: 'gemarkeerd door de triage',
    no_draft: 'er kon geen concept worden geschreven',
    canary_leak: 'het concept bevat de verborgen testzin',
    ungrounded: 'een feit in het concept staat niet in de ordergegevens of de kennisbank',
    refund_above_limit: 'terugbetaling boven de grens van het beleid',
    discount_above_limit: 'korting boven de grens van het beleid',
    auto_send_disabled: 'automatisch versturen staat uit voor deze winkel',
    intent_not_auto: 'automatisch versturen staat niet aan voor dit soort vraag',
    low_confidence: 'de triage was niet zeker genoeg',
    outside_business_hours: 'buiten kantoortijd',
    policy_allows: 'het beleid staat versturen zonder medewerker toe',
    injection: 'het bericht probeert de assistent instructies te geven',
    holding_reply: 'een eerste reactie: een medewerker moet opvolgen',
    delivery_overdue: 'de levering is te laat',
    already_answered: 'dit is eerder in het gesprek beantwoord',
    product_unanswered: 'een productvraag waar de bronnen geen antwoord op geven',
    identity_unverified: 'de identiteit van de klant is niet bevestigd: geen ordergegevens gebruikt',
    order_lookup_failed: 'de orderbron gaf geen antwoord',
    order_not_found: 'geen bestelling met dat nummer voor deze klant',
    llm_budget_exhausted: 'het taalmodelbudget is op: offline geschreven',
    llm_fallback: 'het taalmodel faalde: offline geschreven',
    redraft: 'herschreven op verzoek van een collega',
  },
};

/** Escalation triggers and triage flags, the detail after `escalate:` and `flag:`. */
export const DETAIL_LABELS: Record<Locale, Record<string, string>> = {
  en: {
    legal_threat: 'legal threat',
    chargeback: 'chargeback',
    press: 'press',
    safety: 'safety report',
    repeated_contact: 'asked before',
    very_negative: 'very upset customer',
    cancellation_threat: 'threatens to leave',
    prompt_injection: 'prompt injection',
    spam: 'spam',
    phishing: 'phishing',
  },
  nl: {
    legal_threat: 'juridische dreiging',
    chargeback: 'terugboeking',
    press: 'pers',
    safety: 'veiligheidsmelding',
    repeated_contact: 'vroeg het al eerder',
    very_negative: 'zeer ontevreden klant',
    cancellation_threat: 'dreigt weg te gaan',
    prompt_injection: 'promptinjectie',
    spam: 'spam',
    phishing: 'phishing',
  },
};

/** Why an agent closed an item without a reply (the reject dialog's choices). */
export const CLOSE_REASON_LABELS: Record<Locale, Record<string, string>> = {
  en: {
    spam: 'spam',
    already_answered: 'already answered',
    no_reply_needed: 'no reply needed',
    other: 'other (say why)',
  },
  nl: {
    spam: 'spam',
    already_answered: 'al beantwoord',
    no_reply_needed: 'geen antwoord nodig',
    other: 'anders (zeg waarom)',
  },
};

const localeOf = (locale: string): Locale => (locale === 'nl' ? 'nl' : 'en');

/** `already_answered` → "already answered"; an unknown code stays as it is. */
export function closeReasonInWords(code: string, locale: string): string {
  return CLOSE_REASON_LABELS[localeOf(locale)][code] ?? code;
}

/** `track_order` → "where is my order"; an intent the desk has no words for (a shop's own) stays as it is. */
export function intentInWords(intent: string | null | undefined, locale: string): string {
  if (!intent) return '—';
  return INTENT_LABELS[localeOf(locale)][intent] ?? intent.replace(/_/g, ' ');
}

/** `escalate:legal_threat` → "handed to a senior colleague: legal threat"; details without words stay as they are. */
export function reasonInWords(reason: string, locale: string): string {
  const l = localeOf(locale);
  const [code, ...details] = reason.split(':');
  const label = REASON_LABELS[l][code];
  if (!label) return reason;
  const detail = details.map((d) => DETAIL_LABELS[l][d] ?? INTENT_LABELS[l][d] ?? d).join(': ');
  return detail ? `${label}: ${detail}` : label;
}

const CHAT_WORDS: Record<Locale, { visitor: string; via: string }> = {
  en: { visitor: 'Chat visitor', via: 'chat' },
  nl: { visitor: 'Chatbezoeker', via: 'chat' },
};

/**
 * How the desk names a customer. A chat customer without an e-mail address has a pseudo-address
 * (`chat:<channel>:<id>`) that means nothing to an agent: the name and the channel are shown instead.
 */
export function customerInWords(
  customer: { name?: string | null; address?: string | null } | null | undefined,
  locale: string,
): string {
  const name = customer?.name?.trim();
  const address = customer?.address ?? '';
  const chat = /^chat:([^:]+):/.exec(address);
  if (chat) {
    const words = CHAT_WORDS[localeOf(locale)];
    return `${name || words.visitor} (${words.via}: ${chat[1]})`;
  }
  if (name && address) return `${name} (${address})`;
  return name || address || '—';
}

export const PRIORITY_LABELS: Record<Locale, Record<string, string>> = {
  en: { urgent: 'urgent', high: 'high', normal: 'normal', low: 'low' },
  nl: { urgent: 'spoed', high: 'hoog', normal: 'normaal', low: 'laag' },
};

/** What the history of a draft says happened (the audit log's actions). */
export const ACTION_LABELS: Record<Locale, Record<string, string>> = {
  en: {
    approve: 'approved',
    approve_refused: 'approval refused',
    auto_send: 'sent automatically',
    redrafted: 'new draft written',
    send: 'sent after the undo delay',
    claim: 'took it',
    correct_triage: 'corrected the triage',
    edit_and_approve: 'edited and approved',
    escalate: 'escalated to a lead',
    hand_back: 'handed back by a lead',
    note: 'added a note',
    reassign: 'reassigned',
    reject: 'rejected',
    reject_to_reply: 'rejected to write the reply',
    release: 'let it go',
    request_redraft: 'asked for a new draft',
    send_failed: 'sending failed',
    sla_breached: 'past the SLA',
    snooze: 'snoozed',
    superseded: 'superseded by a newer draft',
    undo_approve: 'undid the send',
    write_reply: 'wrote the reply',
    write_reply_refused: 'reply refused',
  },
  nl: {
    approve: 'goedgekeurd',
    approve_refused: 'goedkeuring geweigerd',
    auto_send: 'automatisch verstuurd',
    redrafted: 'nieuw concept geschreven',
    send: 'verstuurd na de wachttijd',
    claim: 'opgepakt',
    correct_triage: 'triage gecorrigeerd',
    edit_and_approve: 'bewerkt en goedgekeurd',
    escalate: 'geëscaleerd naar een teamleider',
    hand_back: 'teruggegeven door een teamleider',
    note: 'notitie toegevoegd',
    reassign: 'opnieuw toegewezen',
    reject: 'afgewezen',
    reject_to_reply: 'afgewezen om zelf te antwoorden',
    release: 'losgelaten',
    request_redraft: 'nieuw concept gevraagd',
    send_failed: 'versturen mislukt',
    sla_breached: 'over de SLA-termijn',
    snooze: 'gesnoozed',
    superseded: 'vervangen door een nieuwer concept',
    undo_approve: 'versturen ongedaan gemaakt',
    write_reply: 'antwoord geschreven',
    write_reply_refused: 'antwoord geweigerd',
  },
};

export function priorityInWords(priority: string | null | undefined, locale: string): string {
  if (!priority) return '—';
  return PRIORITY_LABELS[localeOf(locale)][priority] ?? priority;
}

export function actionInWords(action: string, locale: string): string {
  return ACTION_LABELS[localeOf(locale)][action] ?? action;
}

/** A language code as its name in the agent's language ('nl' → 'Dutch' or 'Nederlands'). */
export function languageInWords(code: string | null | undefined, locale: string): string {
  if (!code) return '—';
  try {
    return new Intl.DisplayNames([localeOf(locale)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code; // not a language code Intl knows
  }
}
