import {
  extractAmounts,
  extractDates,
  extractOrderNumbers,
  extractPercentages,
  extractTrackingNumbers,
  extractUrls,
  parseLocaleNumber,
} from './fact-extraction.util';

describe('parseLocaleNumber', () => {
  it.each<[string, number]>([
    ['49,95', 49.95],
    ['49.95', 49.95],
    ['1.234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['1 249,95', 1249.95],
    ['1.234', 1234],
    ['49,-', 49],
    ['7', 7],
    ['0,5', 0.5],
  ])('%s → %d', (text, value) => expect(parseLocaleNumber(text)).toBe(value));
});

describe('extractAmounts', () => {
  it.each<[string, string[]]>([
    ['Dat kost € 49,95.', ['49.95']],
    ['That is EUR 49.95 in total', ['49.95']],
    ['only €5 extra', ['5.00']],
    ['49,95 euro', ['49.95']],
    ['1 249,95 € TTC', ['1249.95']],
    ['$1,299.00 and £3', ['1299.00', '3.00']],
    ['€ 49,- per fiets', ['49.00']],
    ['order 100234 of 3 items', []],
    ['Europe 2025', []],
  ])('%s', (text, keys) => expect(extractAmounts(text).flatMap((a) => a.keys)).toEqual(keys));
});

describe('extractDates', () => {
  it.each<[string, string[][]]>([
    ['op 2025-06-13', [['2025-06-13', '06-13']]],
    ['bezorgd op 13 juni 2025', [['2025-06-13', '06-13']]],
    ['delivered on 13 June 2025', [['2025-06-13', '06-13']]],
    ['arrives June 13th, 2025', [['2025-06-13', '06-13']]],
    ['am 13. Juni 2025', [['2025-06-13', '06-13']]],
    ['le 13 juin', [['06-13']]],
    ['13-06-2025', [['2025-06-13', '06-13']]],
    ['03/05/2025', [['2025-05-03', '05-03', '2025-03-05', '03-05']]],
    ['in 3 dagen, 1–2 werkdagen', []],
  ])('%s', (text, keys) => expect(extractDates(text).map((d) => d.keys)).toEqual(keys));
});

describe('codes and links', () => {
  it.each<[string, string[]]>([
    ['Je bestelling 100234 is onderweg', ['100234']],
    ['order #AB-1234 and order number: 55555', ['AB-1234', '55555']],
    ['Bestellnummer 778899', ['778899']],
    ['see #12345', ['12345']],
    ['a 3 item order', []],
  ])('order numbers in %s', (text, expected) => expect(extractOrderNumbers(text).map((o) => o.raw)).toEqual(expected));

  it.each<[string, string[]]>([
    ['PostNL 3SABCD1234567 is onderweg', ['3SABCD1234567']],
    ['UPS 1Z999AA10123456784', ['1Z999AA10123456784']],
    ['DHL JVGL0567891234', ['JVGL0567891234']],
    ['tracking number: 05212345678901', ['05212345678901']],
    ['track & trace code 9XYZ12345678', ['9XYZ12345678']],
    ['your tracking information is here', []],
  ])('tracking numbers in %s', (text, expected) =>
    expect(extractTrackingNumbers(text).map((t) => t.raw)).toEqual(expected),
  );

  it('trims sentence punctuation from URLs and lower-cases the host', () => {
    expect(
      extractUrls('Kijk op https://Shop.TEST/Retour. Of (https://x.test/a?b=1), ok').map((u) => u.keys[0]),
    ).toEqual(['https://shop.test/Retour', 'https://x.test/a?b=1']);
  });

  it('reads percentages in several languages', () => {
    expect(extractPercentages('10% korting, 15 procent, 20 Prozent, 12,5 %')).toEqual([10, 15, 20, 12.5]);
  });
});
