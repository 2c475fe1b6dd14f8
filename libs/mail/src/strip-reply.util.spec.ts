import { stripReply } from './strip-reply.util';

const NEW = 'Where is my parcel?\nThanks';

describe('stripReply', () => {
  it.each([
    ['en attribution', `${NEW}\n\nOn Tue, Jul 1, 2025 at 10:00 AM Shop <help@shop.test> wrote:\n> Your order shipped.`],
    [
      'en attribution wrapped',
      `${NEW}\n\nOn Tue, Jul 1, 2025 at 10:00 AM Shop Support <help@shop.test>\nwrote:\n> Your order shipped.`,
    ],
    [
      'nl attribution',
      `${NEW}\n\nOp di 1 jul. 2025 om 10:00 schreef Shop <help@shop.test>:\n> Uw bestelling is verzonden.`,
    ],
    [
      'nl attribution wrapped',
      `${NEW}\n\nOp 1 juli 2025 om 10:00 schreef Klantenservice\n<help@shop.test>:\n\n> Uw bestelling.`,
    ],
    ['de attribution', `${NEW}\n\nAm 01.07.2025 um 10:00 schrieb Shop <help@shop.test>:\n> Ihre Bestellung.`],
    ['fr attribution', `${NEW}\n\nLe mar. 1 juil. 2025 à 10:00, Shop <help@shop.test> a écrit :\n> Votre commande.`],
    [
      'outlook en',
      `${NEW}\n\nFrom: Shop <help@shop.test>\nSent: Tuesday, July 1, 2025 10:00 AM\nTo: Jan <jan@x.nl>\nSubject: Order\n\nYour order shipped.`,
    ],
    [
      'outlook nl',
      `${NEW}\n\nVan: Shop <help@shop.test>\nVerzonden: dinsdag 1 juli 2025 10:00\nAan: Jan\nOnderwerp: Bestelling\n\nTekst`,
    ],
    [
      'outlook de',
      `${NEW}\n\nVon: Shop <help@shop.test>\nGesendet: Dienstag, 1. Juli 2025 10:00\nAn: Jan\nBetreff: Bestellung\n\nText`,
    ],
    [
      'outlook fr',
      `${NEW}\n\nDe : Shop <help@shop.test>\nEnvoyé : mardi 1 juillet 2025 10:00\nÀ : Jan\nObjet : Commande\n\nTexte`,
    ],
    [
      'outlook with rule',
      `${NEW}\n\n________________________________\nFrom: Shop <help@shop.test>\nSent: Tuesday\nTo: Jan\nSubject: Order`,
    ],
    ['original message en', `${NEW}\n\n-----Original Message-----\nFrom: help@shop.test\nYour order.`],
    ['original message nl', `${NEW}\n\n----- Oorspronkelijk bericht -----\nVan: help@shop.test\nTekst`],
    ['original message de', `${NEW}\n\n-----Ursprüngliche Nachricht-----\nVon: help@shop.test\nText`],
    ['original message fr', `${NEW}\n\n-------- Message d'origine --------\nDe : help@shop.test\nTexte`],
    ['trailing > quote', `${NEW}\n\n> Your order shipped.\n> Tracking: 123`],
    ['header without verb', `${NEW}\n\n30.06.2025, 18:30, "Shop" <help@shop.test>:\n\nUw bestelling.`],
    [
      'attribution over three lines',
      `${NEW}\n\npe 20. lokakuuta 2025 klo 17.50 Shop\n<help@shop.test> kirjoitti:\n\nTeksti`,
    ],
    ['zoho dashes', `${NEW}\n\n---- On Wed, 24 Feb 2025 14:02:50 +0100 help@shop.test wrote ----\n\nShipped.`],
    [
      'unknown-language dashed title',
      `${NEW}\n\n-------- Oprindelig besked --------\nFra: help@shop.test\nEmne: Ordre`,
    ],
  ])('%s', (_name, text) => {
    const result = stripReply(text);
    expect(result.newText).toBe(NEW);
    expect(result.quoted.length).toBeGreaterThan(0);
    expect(result.signature).toBeNull();
  });

  it.each([
    ['dash-dash-space', `${NEW}\n\n-- \nJan Jansen\n06 12345678`, '-- \nJan Jansen\n06 12345678'],
    ['iphone en', `${NEW}\n\nSent from my iPhone`, 'Sent from my iPhone'],
    ['iphone nl', `${NEW}\n\nVerzonden vanaf mijn iPhone`, 'Verzonden vanaf mijn iPhone'],
    ['iphone de', `${NEW}\n\nVon meinem iPhone gesendet`, 'Von meinem iPhone gesendet'],
    ['iphone fr', `${NEW}\n\nEnvoyé de mon iPhone`, 'Envoyé de mon iPhone'],
    ['outlook android', `${NEW}\n\nSent from Outlook for Android`, 'Sent from Outlook for Android'],
    ['get outlook', `${NEW}\n\nGet Outlook for iOS`, 'Get Outlook for iOS'],
  ])('signature: %s', (_name, text, signature) => {
    expect(stripReply(text)).toEqual({ newText: NEW, quoted: '', signature });
  });

  it.each([
    [
      'valediction and name',
      `${NEW}\n\nKind regards,\n\nJan Jansen\nAcme BV`,
      undefined,
      'Kind regards,\n\nJan Jansen\nAcme BV',
    ],
    ['dutch valediction', `${NEW}\n\nMet vriendelijke groet,\nJan`, undefined, 'Met vriendelijke groet,\nJan'],
    ['sender name line', `${NEW}\n\nJan Jansen\nvia mobile`, 'Jan Jansen', 'Jan Jansen\nvia mobile'],
    [
      'contact block',
      `${NEW}\n\nJan Jansen\njan@example.nl\n+31 6 1234 5678`,
      undefined,
      'Jan Jansen\njan@example.nl\n+31 6 1234 5678',
    ],
  ])('signature heuristics: %s', (_name, text, senderName, signature) => {
    const body = 'Where is my parcel?\nIt has been a week.';
    expect(stripReply(text.replace(NEW, body), { senderName })).toEqual({ newText: body, quoted: '', signature });
  });

  it('reads bottom-posted replies below the quote', () => {
    const text = 'On 1 Jul 2025, Shop <help@shop.test> wrote:\n> Shipped?\n\nNot yet, where is it?';
    expect(stripReply(text)).toEqual({
      newText: 'Not yet, where is it?',
      quoted: 'On 1 Jul 2025, Shop <help@shop.test> wrote:\n> Shipped?',
      signature: null,
    });
  });

  it('splits signature and quote together', () => {
    const text = `${NEW}\n\nSent from my iPhone\n\nOn 1 Jul 2025, at 10:00, Shop <help@shop.test> wrote:\n\n> Shipped.`;
    expect(stripReply(text)).toEqual({
      newText: NEW,
      quoted: 'On 1 Jul 2025, at 10:00, Shop <help@shop.test> wrote:\n\n> Shipped.',
      signature: 'Sent from my iPhone',
    });
  });

  it.each([
    ['plain text', 'I wrote to you on Monday about my order.\nOn Tuesday nothing happened.'],
    ['interleaved answers stay', '> Which size?\nSize M please.\n> Which colour?\nBlue.'],
    ['from: inside a sentence', 'From: my experience this is slow.\nPlease hurry.'],
    ['sent from in a sentence', 'Here is my answer.\n\nSent from my desk, which is easier than my phone.'],
    ['regards inside a sentence', 'With regards to my order, nothing arrived.\nPlease check.'],
    ['markdown rules', 'Steps:\n----\n1. Open the box\n----\nThat is all.'],
  ])('keeps new text: %s', (_name, text) => {
    expect(stripReply(text)).toEqual({ newText: text, quoted: '', signature: null });
  });
});
