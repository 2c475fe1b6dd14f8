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
