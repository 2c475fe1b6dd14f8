import { analyseSentiment } from './sentiment.util';

describe('analyseSentiment', () => {
  const cases: [string, string, string, string, string[]][] = [
    [
      'legal threat nl',
      'Als dit niet opgelost wordt stap ik naar de Geschillencommissie',
      'negative',
      'urgent',
      ['legal_threat'],
    ],
    ['lawyer en', 'My lawyer will contact you about this', 'negative', 'urgent', ['legal_threat']],
    ['chargeback nl', 'Ik laat het via de creditcardmaatschappij terugboeken', 'negative', 'urgent', ['chargeback']],
    ['repeated contact nl', 'Ik vraag het nu voor de derde keer', 'negative', 'high', ['repeated_contact']],
    ['repeated contact en', 'I already emailed twice about this', 'negative', 'high', ['repeated_contact']],
    ['cancellation threat', 'I will never order here again', 'negative', 'high', ['cancellation_threat']],
    ['safety nl', 'De oplader vatte vlam, brand in de keuken!', 'negative', 'urgent', ['safety']],
    ['injury en', 'My son got injured by the toy', 'negative', 'urgent', ['safety']],
    ['happy customer', 'Thanks, great service!', 'positive', 'low', []],
    ['plain question', 'Wat is de levertijd naar België?', 'neutral', 'normal', []],
    ['angry', 'This is ridiculous and unacceptable', 'negative', 'high', []],
  ];
  it.each(cases)('%s', (_name, text, sentiment, urgency, reasons) => {
    expect(analyseSentiment(text)).toEqual({ sentiment, urgency, reasons });
  });
});

describe('analyseSentiment on risk signals', () => {
  it.each([
    ['The battery got extremely hot and started smoking', 'safety'],
    ['Onze waterkoker begon te roken en de stekker is gesmolten', 'safety'],
    ['Geachte heer/mevrouw, hierbij ontvangt u mijn ingebrekestelling voor bestelling 100234.', 'legal_threat'],
    ['Sehr geehrte Damen und Herren, dies ist meine letzte Mahnung.', 'legal_threat'],
  ])('%s → %s, urgent', (text, reason) => {
    const result = analyseSentiment(text);
    expect(result.reasons).toContain(reason);
    expect(result.urgency).toBe('urgent');
  });
});
