import { detectRegister } from './register.util';

describe('detectRegister', () => {
  it.each([
    ['nl', 'Geachte heer/mevrouw, hierbij stel ik u in gebreke.', 'formal'],
    ['nl', 'Kunt u mij laten weten waar mijn pakket is? Met vriendelijke groet, Daan', 'formal'],
    ['nl', 'Hoi! Weet jij waar mijn pakketje is? Groetjes', 'informal'],
    ['nl', 'Waar is bestelling 100234?', null],
    ['de', 'Sehr geehrte Damen und Herren, können Sie mir sagen, wo meine Bestellung ist?', 'formal'],
    ['de', 'Hey, kannst du mir sagen, wo mein Paket ist?', 'informal'],
    ['de', 'Wo ist meine Bestellung? sie ist noch nicht da.', null],
    ['fr', 'Madame, Monsieur, je vous écris au sujet de ma commande. Cordialement', 'formal'],
    ['fr', 'Salut, tu peux me dire où est mon colis ?', 'informal'],
    ['en', 'Dear Sir or Madam, I am writing about my order. Yours faithfully, J. Smith', 'formal'],
    ['en', 'hey, where is my stuff? cheers', 'informal'],
    ['en', 'Where is my order?', null],
    ['es', 'Estimado señor, ¿dónde está mi pedido?', null],
  ])('%s: %s → %s', (language, text, expected) => {
    expect(detectRegister(text, language)).toBe(expected);
  });
});
