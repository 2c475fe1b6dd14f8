import { detectLanguage } from './language.util';

describe('detectLanguage', () => {
  it.each([
    ['Waar blijft mijn pakket?', 'nl'],
    ['Ik wil mijn bestelling annuleren', 'nl'],
    ['Where is my parcel?', 'en'],
    ['I want to cancel my order', 'en'],
    ['Wo bleibt mein Paket?', 'de'],
    ['Ich möchte meine Bestellung stornieren', 'de'],
    ['Où est mon colis ?', 'fr'],
    ['Je veux annuler ma commande', 'fr'],
  ])('%s → %s', (text, language) => expect(detectLanguage(text).language).toBe(language));

  it.each([[''], ['12345'], ['?!']])('returns und for %j', (text) => {
    expect(detectLanguage(text)).toEqual({ language: 'und', confidence: 0 });
  });

  it('gives a confidence between 0 and 1', () => {
    const { confidence } = detectLanguage('Goedemiddag, ik heb een vraag over mijn factuur');
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThanOrEqual(1);
  });
});

describe('detectLanguage on real mail', () => {
  it.each([
    ['Hello, please refund the amount to NL91ABNA0417164300 for ORDER 100234 ASAP. THANKS', 'en'],
    ['HELLO I NEED MY INVOICE FOR ORDER ORD-55123 RIGHT NOW', 'en'],
    ['Order #48213, tracking 3SABCD1234567, see https://shop.test/orders/48213?ref=mail', 'en'],
    ['Hoi, waar blijft 3SABCD1234567? Zie https://postnl.nl/track?code=3SABCD1234567', 'nl'],
    ['Graag terugstorten op NL91 ABNA 0417 1643 00 t.n.v. J. Jansen', 'nl'],
    ['Bitte überweisen Sie den Betrag auf DE89 3704 0044 0532 0130 00, Bestellnummer 77345612', 'de'],
    ['Merci de rembourser sur FR14 2004 1010 0505 0001 3M02 606, commande 203948', 'fr'],
    [
      'Hi,\n\nMy parcel never arrived.\n\nKind regards,\nJan de Vries\nKerkstraat 12\n1234 AB Amsterdam\n+31 6 12345678',
      'en',
    ],
    [
      'Hallo,\n\nIk heb nog steeds niets ontvangen, kunnen jullie kijken waar het pakket is? Thanks!\n\nMet vriendelijke groet,\nJohn Smith',
      'nl',
    ],
    ['Bonjour, I ordered a bike but it has not arrived yet, could you please check where it is? Merci', 'en'],
    ['ok', 'und'],
  ])('%j → %s', (text, language) => expect(detectLanguage(text).language).toBe(language));

  it('answers only with a supported language or und', () => {
    const supported = ['nl', 'en'];
    for (const text of [
      'Wo bleibt mein Paket? Ich warte schon seit zwei Wochen darauf.',
      'Ciao, dov’è il mio ordine?',
      'AZERTY QWERTZ 123',
    ]) {
      expect([...supported, 'und']).toContain(detectLanguage(text, { supported }).language);
    }
    expect(
      detectLanguage('Wo bleibt mein Paket? Ich warte schon seit zwei Wochen darauf.', { supported }).language,
    ).toBe('und');
  });

  it('picks up a supported language beyond the four it knows best', () => {
    expect(
      detectLanguage('¿Dónde está mi pedido? Lo compré hace dos semanas y todavía no ha llegado.', {
        supported: ['nl', 'es'],
      }).language,
    ).toBe('es');
  });
});
