import { orderPanel, uniqueEntities } from './order-facts.util';

describe('uniqueEntities', () => {
  it.each([
    [
      'one value mentioned twice',
      [
        { type: 'order_number', value: '100234' },
        { type: 'order_number', value: '100234' },
      ],
      ['order_number:100234'],
    ],
    [
      'case and spaces differ',
      [
        { type: 'tracking_number', value: '3sabcd ' },
        { type: 'tracking_number', value: '3SABCD' },
      ],
      ['tracking_number:3sabcd'],
    ],
    [
      'two orders',
      [
        { type: 'order_number', value: '100234' },
        { type: 'order_number', value: '100241' },
      ],
      ['order_number:100234', 'order_number:100241'],
    ],
    [
      'not about orders',
      [
        { type: 'person', value: 'Sanne' },
        { type: 'email', value: 'a@b.test' },
      ],
      [],
    ],
    [
      'same value, other type',
      [
        { type: 'order_number', value: '1' },
        { type: 'amount', value: '1' },
      ],
      ['order_number:1', 'amount:1'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(uniqueEntities(input).map((e) => `${e.type}:${e.value}`)).toEqual(expected);
  });
});

describe('orderPanel', () => {
  const order = {
    orderNumber: '100234',
    status: 'shipped',
    placedAt: '2025-06-10',
    total: { amount: 684.95, currency: 'EUR' },
    items: [],
  };

  it.each([
    ['with the drafter’s order', order, '100234'],
    ['without one', null, null],
    ['from an older draft', undefined, null],
  ])('carries the order %s', (_name, given, number) => {
    expect(orderPanel(given, [], []).order?.orderNumber ?? null).toBe(number);
  });

  it('keeps cited order records once each', () => {
    expect(orderPanel(null, [], ['order:100234', 'kb:shipping', 'order:100234']).citedRecords).toEqual([
      'order:100234',
    ]);
  });
});
