import { requestText, splitMessage } from './message-parts.util';

type Parts = { greeting: string; request: string; signOff: string };
const parts = (greeting: string, request: string, signOff: string): Parts => ({ greeting, request, signOff });

describe('splitMessage', () => {
  const cases: [string, string, Parts][] = [
    [
      'en email with signature',
      'Hi team,\n\nMy order 100234 has not arrived yet. Could you check?\n\nKind regards,\nJan de Vries\nKerkstraat 12\n+31 6 12345678',
      parts('Hi team,', 'My order 100234 has not arrived yet. Could you check?', 'Kind regards,'),
    ],
    [
      'nl formal',
      'Geachte heer/mevrouw,\n\nGraag ontvang ik een factuur van bestelling 48213.\n\nMet vriendelijke groet,\n\nP. Jansen',
      parts('Geachte heer/mevrouw,', 'Graag ontvang ik een factuur van bestelling 48213.', 'Met vriendelijke groet,'),
    ],
    [
      'de formal with disclaimer',
      'Sehr geehrte Damen und Herren,\nich möchte meine Bestellung stornieren.\nMit freundlichen Grüßen\nK. Müller\n\nDiese E-Mail ist vertraulich.',
      parts('Sehr geehrte Damen und Herren,', 'ich möchte meine Bestellung stornieren.', 'Mit freundlichen Grüßen'),
    ],
    [
      'fr informal with phone signature',
      'Salut,\nje n’ai toujours pas reçu mon colis.\nMerci d’avance\nLéa\nEnvoyé de mon iPhone',
      parts('Salut,', 'je n’ai toujours pas reçu mon colis.', 'Merci d’avance'),
    ],
    [
      'quoted history',
      'Still nothing, where is it?\n\nOn Mon, 3 Nov 2026 at 10:00, Support <support@shop.test> wrote:\n> Your parcel is on its way.',
      parts('', 'Still nothing, where is it?', ''),
    ],
    ['chat line with thanks', 'where is my refund? thanks!', parts('', 'where is my refund?', 'thanks!')],
    ['greeting in the same line', 'Hoi, ik wil mijn adres wijzigen', parts('Hoi,', 'ik wil mijn adres wijzigen', '')],
    [
      'a thank-you that is the request',
      'Thank you for the quick delivery!',
      parts('', 'Thank you for the quick delivery!', ''),
    ],
    ['bare request', 'Ik wil mijn bestelling annuleren', parts('', 'Ik wil mijn bestelling annuleren', '')],
  ];
  it.each(cases)('%s', (_name, text, expected) => expect(splitMessage(text)).toEqual(expected));

  it('keeps the text when there is nothing but a greeting', () => {
    expect(requestText('Hello!')).toBe('Hello!');
  });
});
