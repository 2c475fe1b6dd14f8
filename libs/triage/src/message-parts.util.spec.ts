import { requestText, splitMessage } from './message-parts.util';

describe('splitMessage', () => {
  const cases: [string, string, { greeting: string; request: string; signOff: string }][] = [
    [
      'en email with signature',
      'Hi team,\n\nMy order 100234 has not arrived yet. Could you check?\n\nKind regards,\nJan de Vries\nKerkstraat 12\n+31 6 12345678',
      {
        greeting: 'Hi team,',
        request: 'My order 100234 has not arrived yet. Could you check?',
        signOff: 'Kind regards,',
      },
    ],
    [
      'nl formal',
      'Geachte heer/mevrouw,\n\nGraag ontvang ik een factuur van bestelling 48213.\n\nMet vriendelijke groet,\n\nP. Jansen',
      {
        greeting: 'Geachte heer/mevrouw,',
        request: 'Graag ontvang ik een factuur van bestelling 48213.',
        signOff: 'Met vriendelijke groet,',
      },
    ],
    [
      'de formal with disclaimer',
      'Sehr geehrte Damen und Herren,\nich möchte meine Bestellung stornieren.\nMit freundlichen Grüßen\nK. Müller\n\nDiese E-Mail ist vertraulich.',
      {
        greeting: 'Sehr geehrte Damen und Herren,',
        request: 'ich möchte meine Bestellung stornieren.',
        signOff: 'Mit freundlichen Grüßen',
      },
    ],
    [
      'fr informal with phone signature',
      'Salut,\nje n’ai toujours pas reçu mon colis.\nMerci d’avance\nLéa\nEnvoyé de mon iPhone',
      { greeting: 'Salut,', request: 'je n’ai toujours pas reçu mon colis.', signOff: 'Merci d’avance' },
    ],
    [
      'quoted history',
      'Still nothing, where is it?\n\nOn Mon, 3 Nov 2026 at 10:00, Support <support@shop.test> wrote:\n> Your parcel is on its way.',
      { greeting: '', request: 'Still nothing, where is it?', signOff: '' },
    ],
    [
      'chat line with thanks',
      'where is my refund? thanks!',
      { greeting: '', request: 'where is my refund?', signOff: 'thanks!' },
    ],
    [
      'greeting in the same line',
      'Hoi, ik wil mijn adres wijzigen',
      { greeting: 'Hoi,', request: 'ik wil mijn adres wijzigen', signOff: '' },
    ],
    [
      'a thank-you that is the request',
      'Thank you for the quick delivery!',
      { greeting: '', request: 'Thank you for the quick delivery!', signOff: '' },
    ],
    [
      'bare request',
      'Ik wil mijn bestelling annuleren',
      { greeting: '', request: 'Ik wil mijn bestelling annuleren', signOff: '' },
    ],
  ];
  it.each(cases)('%s', (_name, text, parts) => expect(splitMessage(text)).toEqual(parts));

  it('keeps the text when there is nothing but a greeting', () => {
    expect(requestText('Hello!')).toBe('Hello!');
  });
});
