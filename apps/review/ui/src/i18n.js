// Every string the agent sees, in English and Dutch.
export const messages = {
  en: {
    signIn: 'Sign in', email: 'Email', password: 'Password', signOut: 'Sign out', badCredentials: 'Wrong email or password',
    queue: 'Queue', empty: 'Nothing waiting. Well done.', status: 'Status', priority: 'Priority', language: 'Language', any: 'Any',
    due: 'Due', breached: 'SLA breached', escalated: 'Escalated', claimedByOther: 'Someone else is working on this draft',
    conversation: 'Conversation', draft: 'Draft reply', reasons: 'Why this draft', citations: 'Sources', orderFacts: 'Order facts',
    history: 'History', notes: 'Internal notes', addNote: 'Add note', approve: 'Approve', edit: 'Edit', reject: 'Reject',
    escalate: 'Escalate', next: 'Next', previous: 'Previous', shortcuts: 'Keyboard shortcuts', rejectReason: 'Reason for rejecting', escalateReason: 'Why a lead should look at this (optional)',
    confirm: 'Confirm', cancel: 'Cancel', approved: 'Approved — the reply is on its way', rejected: 'Rejected', escalatedDone: 'Escalated to a lead',
    stale: 'This draft changed meanwhile; reloaded', leaveEditor: 'Esc leaves the editor', customer: 'Customer', inbound: 'Customer', outbound: 'Us',
    total: 'total', pending: 'pending', approvedStatus: 'approved', rejectedStatus: 'rejected', select: 'Select a draft',
    orderNumber: 'Order', orderStatus: 'Status', orderTotal: 'Amount', orderItems: 'Items', orderCarrier: 'Carrier', orderTracking: 'Tracking',
    orderExpected: 'Expected delivery', orderPlaced: 'Placed', noOrder: 'No order found for this message', mentioned: 'Mentioned in the message',
    superseded: 'The customer wrote again: this draft was replaced by one that answers the whole conversation (your text is kept in its history)',
    conversationDrafts: 'Drafts in this conversation', status_pending: 'waiting for review', status_approved: 'approved', status_rejected: 'rejected',
    status_auto_sent: 'sent automatically', status_ignored: 'no reply needed', status_redraft_requested: 'being redrafted', status_failed: 'not delivered',
    status_superseded: 'superseded by a newer message',
  },
  nl: {
    signIn: 'Inloggen', email: 'E-mail', password: 'Wachtwoord', signOut: 'Uitloggen', badCredentials: 'Onjuist e-mailadres of wachtwoord',
    queue: 'Wachtrij', empty: 'Niets te doen. Goed bezig.', status: 'Status', priority: 'Prioriteit', language: 'Taal', any: 'Alle',
    due: 'Deadline', breached: 'SLA overschreden', escalated: 'Geëscaleerd', claimedByOther: 'Een collega werkt aan dit concept',
    conversation: 'Gesprek', draft: 'Conceptantwoord', reasons: 'Waarom dit concept', citations: 'Bronnen', orderFacts: 'Bestelgegevens',
    history: 'Geschiedenis', notes: 'Interne notities', addNote: 'Notitie toevoegen', approve: 'Goedkeuren', edit: 'Bewerken', reject: 'Afwijzen',
    escalate: 'Escaleren', next: 'Volgende', previous: 'Vorige', shortcuts: 'Sneltoetsen', rejectReason: 'Reden van afwijzing', escalateReason: 'Waarom een teamleider moet kijken (optioneel)',
    confirm: 'Bevestigen', cancel: 'Annuleren', approved: 'Goedgekeurd — het antwoord wordt verstuurd', rejected: 'Afgewezen', escalatedDone: 'Doorgezet naar een teamleider',
    stale: 'Dit concept is intussen gewijzigd; opnieuw geladen', leaveEditor: 'Esc verlaat de editor', customer: 'Klant', inbound: 'Klant', outbound: 'Wij',
    total: 'totaal', pending: 'open', approvedStatus: 'goedgekeurd', rejectedStatus: 'afgewezen', select: 'Kies een concept',
    orderNumber: 'Bestelling', orderStatus: 'Status', orderTotal: 'Bedrag', orderItems: 'Artikelen', orderCarrier: 'Vervoerder', orderTracking: 'Track & trace',
    orderExpected: 'Verwachte levering', orderPlaced: 'Geplaatst', noOrder: 'Geen bestelling gevonden bij dit bericht', mentioned: 'Genoemd in het bericht',
    superseded: 'De klant schreef opnieuw: dit concept is vervangen door een dat op het hele gesprek antwoordt (je tekst staat in de geschiedenis)',
    conversationDrafts: 'Concepten in dit gesprek', status_pending: 'wacht op beoordeling', status_approved: 'goedgekeurd', status_rejected: 'afgewezen',
    status_auto_sent: 'automatisch verstuurd', status_ignored: 'geen antwoord nodig', status_redraft_requested: 'wordt herschreven', status_failed: 'niet afgeleverd',
    status_superseded: 'vervangen door een nieuwer bericht',
  },
};

export function translator(locale) {
  const table = messages[locale] ?? messages.en;
  return (key) => table[key] ?? messages.en[key] ?? key;
}
