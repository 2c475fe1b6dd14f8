import { extractEntities, isLuhnValid, isValidIban } from './entities.util';

type Found = { type: string; value: string; carrier?: string; currency?: string };
const tracking = (value: string, carrier: string): Found[] => [{ type: 'tracking_number', value, carrier }];
const amount = (value: string, currency: string): Found[] => [{ type: 'amount', value, currency }];

describe('extractEntities', () => {
  const cases: [string, string, Found[]][] = [
    ['order number after order word', 'Where is my order #123456?', [{ type: 'order_number', value: '123456' }]],
    ['dutch order word', 'bestelling 9876543 is niet binnen', [{ type: 'order_number', value: '9876543' }]],
    [
      'order number with a year prefix',
      'bestelnummer 2024-88123 is zoek',
      [{ type: 'order_number', value: '2024-88123' }],
    ],
    ['prefixed order id', 'I mean ORD-55123 please', [{ type: 'order_number', value: 'ORD-55123' }]],
    ['PostNL tracking', 'track & trace 3SABCD1234567 zegt niets', tracking('3SABCD1234567', 'PostNL')],
    ['UPS tracking', 'UPS says 1Z999AA10123456784', tracking('1Z999AA10123456784', 'UPS')],
    ['DHL ten digits with carrier named', 'DHL nummer 1234567890', tracking('1234567890', 'DHL')],
    ['DPD 14 digits', 'pakket 01234567890123 van DPD', tracking('01234567890123', 'DPD')],
    ['email', 'mail me at jan.jansen@example.nl', [{ type: 'email', value: 'jan.jansen@example.nl' }]],
    ['dutch mobile', 'bel me op 06-12345678', [{ type: 'phone', value: '06-12345678' }]],
    ['international phone', 'call +31 20 123 4567', [{ type: 'phone', value: '+31 20 123 4567' }]],
    ['valid IBAN', 'IBAN NL91 ABNA 0417 1643 00 graag', [{ type: 'iban', value: 'NL91 ABNA 0417 1643 00' }]],
    ['euro amount, dutch decimals', 'ik betaalde € 12,50 te veel', amount('12.50', 'EUR')],
    ['EUR code amount', 'charged EUR 12.50 twice', amount('12.50', 'EUR')],
    ['dollar amount', 'it cost $5', amount('5', 'USD')],
    ['numeric date', 'besteld op 12-03-2024', [{ type: 'date', value: '12-03-2024' }]],
    ['dutch written date', 'geleverd op 3 maart 2024', [{ type: 'date', value: '3 maart 2024' }]],
    ['english written date', 'ordered on March 3rd, 2024', [{ type: 'date', value: 'March 3rd, 2024' }]],
    ['url', 'see https://shop.example.com/orders/1.', [{ type: 'url', value: 'https://shop.example.com/orders/1' }]],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    const found = extractEntities(text).map(({ type, value, carrier, currency }) => ({
      type,
      value,
      ...(carrier ? { carrier } : {}),
      ...(currency ? { currency } : {}),
    }));
    expect(found).toEqual(expected);
  });

  it('reports offsets that point at the value', () => {
    const text = 'order #4567890 and mail a@b.nl';
    for (const e of extractEntities(text)) expect(text.slice(e.start, e.end)).toBe(e.value);
  });

  it('rejects an IBAN with a bad checksum', () => {
    expect(extractEntities('NL92 ABNA 0417 1643 00').some((e) => e.type === 'iban')).toBe(false);
  });

  it('uses shop-specific order patterns instead of the defaults', () => {
    const found = extractEntities('ref WEB/2024/0042 and order 123456', {
      orderNumberPatterns: [/WEB\/\d{4}\/\d{4}/g],
    });
    expect(found.filter((e) => e.type === 'order_number').map((e) => e.value)).toEqual(['WEB/2024/0042']);
  });
});

describe('checksums', () => {
  it.each([
    ['NL91ABNA0417164300', true],
    ['DE89 3704 0044 0532 0130 00', true],
    ['NL91ABNA0417164301', false],
  ])('IBAN %s → %s', (iban, valid) => expect(isValidIban(iban as string)).toBe(valid));
  it.each([
    ['4111 1111 1111 1111', true],
    ['4111 1111 1111 1112', false],
  ])('Luhn %s → %s', (card, valid) => expect(isLuhnValid(card as string)).toBe(valid));
});
