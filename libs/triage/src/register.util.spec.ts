import { detectRegister } from './register.util';

describe('detectRegister', () => {
  const cases: [string, string, 'formal' | 'informal' | undefined][] = [
    [
      'nl',
      'Geachte heer/mevrouw,\n\nKunt u mij laten weten wanneer mijn bestelling komt?\n\nMet vriendelijke groet,\nP. Jansen',
      'formal',
    ],
    ['nl', 'Ik heb uw e-mail ontvangen, maar mijn vraag staat nog open.', 'formal'],
    ['nl', 'Hoi! Kun je even kijken waar mijn pakketje blijft? Groetjes', 'informal'],
    ['nl', 'Hey, heb jij mijn mail gezien? Jouw collega zou terugbellen.', 'informal'],
    [
      'de',
      'Sehr geehrte Damen und Herren, könnten Sie mir bitte die Rechnung schicken? Mit freundlichen Grüßen',
      'formal',
    ],
    ['de', 'Ich habe Ihnen gestern geschrieben und warte auf Antwort.', 'formal'],
    ['de', 'Hallo, kannst du mir sagen, wo mein Paket ist? LG', 'informal'],
    ['de', 'Hey, hast du meine Nachricht bekommen? Danke dir!', 'informal'],
    ['fr', 'Madame, Monsieur, pourriez-vous me rembourser ? Cordialement', 'formal'],
    ['fr', 'Bonjour, je vous remercie de votre réponse rapide.', 'formal'],
    ['fr', 'Salut, tu peux vérifier ma commande ? Merci, bises', 'informal'],
    ['en', 'Dear Sir or Madam, I would be grateful if you could refund my order. Yours faithfully, J. Smith', 'formal'],
    ['en', 'To whom it may concern, please cancel order 12345. Kind regards', 'formal'],
    ['en', 'hey where is my stuff lol', 'informal'],
    ['en', 'Hi, can u check my order pls? Cheers', 'informal'],
    ['nl', 'Waar blijft bestelling 12345?', undefined],
    ['en', 'Where is order 12345?', undefined],
  ];
  it.each(cases)('(%s) %s → %s', (language, text, register) => expect(detectRegister(text, language)).toBe(register));
});
