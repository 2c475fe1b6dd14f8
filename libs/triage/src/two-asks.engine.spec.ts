import { EmbeddedTriageEngine } from './triage.engine';

// Mails with two questions each, nl/en/de/fr, with the intents a person would answer in order.
const TWO_ASK_MAILS: [string, string[]][] = [
  [
    'Hi,\n\nMy parcel still has not arrived, where is it? Also, could you send me an invoice for this order?\n\nThanks,\nSam',
    ['track_order', 'get_invoice'],
  ],
  [
    'Hello,\n\nI would like to cancel order 4455667. And how do I unsubscribe from your newsletter?\n\nRegards,\nAnn',
    ['cancel_order', 'newsletter_subscription'],
  ],
  [
    'Hi,\n\nI forgot my password and cannot log in. Also, which payment methods do you accept?\n\nCheers',
    ['recover_password', 'check_payment_methods'],
  ],
  [
    'Dear team,\n\nThe lamp arrived broken and I want my money back. Can you also change the delivery address of my other order?\n\nKind regards',
    ['get_refund', 'change_shipping_address'],
  ],
  [
    'Hallo,\n\nWaar blijft mijn pakket? Kunnen jullie ook een factuur sturen?\n\nGroetjes,\nEva',
    ['track_order', 'get_invoice'],
  ],
  [
    'Beste,\n\nIk wil mijn bestelling annuleren. Daarnaast wil ik me afmelden voor de nieuwsbrief.\n\nMvg',
    ['cancel_order', 'newsletter_subscription'],
  ],
  [
    'Goedemiddag,\n\nIk ben mijn wachtwoord vergeten. Welke betaalmethodes hebben jullie?\n\nGroet',
    ['recover_password', 'check_payment_methods'],
  ],
  [
    'Hallo,\n\nWo ist mein Paket? Können Sie mir außerdem eine Rechnung schicken?\n\nLG',
    ['track_order', 'get_invoice'],
  ],
  [
    'Guten Tag,\n\nBitte stornieren Sie meine Bestellung. Wie kann ich den Newsletter abbestellen?\n\nMit freundlichen Grüßen',
    ['cancel_order', 'newsletter_subscription'],
  ],
  [
    'Bonjour,\n\nOù est mon colis ? Pouvez-vous aussi m’envoyer la facture ?\n\nCordialement',
    ['track_order', 'get_invoice'],
  ],
  [
    'Bonjour,\n\nJe veux annuler ma commande. Comment me désabonner de la newsletter ?\n\nMerci',
    ['cancel_order', 'newsletter_subscription'],
  ],
  [
    'Salut,\n\nJ’ai oublié mon mot de passe. Quels moyens de paiement acceptez-vous ?\n\nBises',
    ['recover_password', 'check_payment_methods'],
  ],
];

describe('EmbeddedTriageEngine on mails with two questions', () => {
  it('answers both, in the order asked, for at least 10 of 12 mails', () => {
    const engine = new EmbeddedTriageEngine();
    const misses = TWO_ASK_MAILS.map(([text, expected]) => {
      const result = engine.triage({ text });
      return { expected, got: [result.intent, ...(result.asks ?? [])] };
    }).filter(({ expected, got }) => JSON.stringify(expected) !== JSON.stringify(got));
    process.stdout.write(
      `two-ask mails: ${TWO_ASK_MAILS.length - misses.length}/${TWO_ASK_MAILS.length} ${JSON.stringify(misses)}\n`,
    );
    expect(misses.length).toBeLessThanOrEqual(2);
  });
});
