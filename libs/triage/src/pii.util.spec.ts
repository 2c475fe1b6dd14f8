import { redactPii } from './pii.util';

describe('redactPii', () => {
  const cases: [string, string, string][] = [
    ['email', 'contact me at jan@example.com please', 'contact me at [EMAIL_1] please'],
    ['dutch mobile', 'bel 06 12345678 na vijven', 'bel [PHONE_1] na vijven'],
    ['international phone', 'my number is +44 20 7946 0958', 'my number is [PHONE_1]'],
    ['IBAN', 'stort op NL91 ABNA 0417 1643 00 aub', 'stort op [IBAN_1] aub'],
    ['card number passing Luhn', 'card 4111 1111 1111 1111 was charged', 'card [CARD_1] was charged'],
    ['dutch street and postcode', 'stuur naar Kerkstraat 12a, 1012 AB Amsterdam', 'stuur naar [ADDRESS_1]'],
    ['english street', 'ship it to 221B Baker Street today', 'ship it to [ADDRESS_1] today'],
    ['german street', 'Lieferung an Hauptstraße 5 bitte', 'Lieferung an [ADDRESS_1] bitte'],
  ];
  it.each(cases)('%s', (_name, input, expected) => expect(redactPii(input).text).toBe(expected));

  it('numbers repeated values once and keeps distinct values apart', () => {
    const result = redactPii('a@x.nl, b@x.nl and again a@x.nl');
    expect(result.text).toBe('[EMAIL_1], [EMAIL_2] and again [EMAIL_1]');
    expect(result.found).toEqual([
      { type: 'email', value: 'a@x.nl' },
      { type: 'email', value: 'b@x.nl' },
    ]);
  });

  it('leaves order numbers and card-like numbers failing Luhn alone', () => {
    expect(redactPii('order 4111111111111112 and #123456').text).toBe('order 4111111111111112 and #123456');
  });
});
