import { placeholderProblems, renderCanned, unfilledPlaceholders } from './canned-placeholders.util';

const order = {
  orderNumber: '100234',
  status: 'shipped',
  placedAt: '2026-11-20',
  total: { amount: 59.95, currency: 'EUR' },
  items: [{ name: 'Fietsbel', quantity: 1 }],
  trackingUrl: 'https://track.example/3SABC',
};

describe('canned reply placeholders', () => {
  it.each([
    ['Hallo {{customer.name}}, order {{ order.number }} is {{order.status}}.', []],
    ['No placeholders at all', []],
    ['Hi {{customer.email}}', ['unknown placeholder {{customer.email}}']],
    ['Hi {{}}', ['unknown placeholder {{}}']],
    ['Hi {{customer.name}', ['a placeholder is not closed with }}']],
    ['{{order.number}} and {{order.total}} and {{agent.name', ['unknown placeholder {{order.total}}', 'not closed']],
  ])('checks %j', (text, expected) => {
    const problems = placeholderProblems(text);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((part, i) => expect(problems[i]).toContain(part));
  });

  it('fills every placeholder from the draft, the order and the agent, the status in the reply’s language', () => {
    const body =
      'Beste {{customer.name}}, bestelling {{order.number}} is {{order.status}}: {{order.tracking_url}}. Groet, {{agent.name}}';
    expect(renderCanned(body, { customerName: 'Sanne', agentName: 'Joris', order, language: 'nl' })).toEqual({
      text: 'Beste Sanne, bestelling 100234 is verzonden: https://track.example/3SABC. Groet, Joris',
      missing: [],
    });
    expect(renderCanned('{{order.status}}', { order, language: 'en' }).text).toBe('shipped');
    expect(renderCanned('{{order.status}}', { order: { ...order, status: 'lost' }, language: 'nl' }).text).toBe('lost');
  });

  it('leaves what the desk does not know visible and names it, once', () => {
    const body = 'Dear {{ customer.name }}, order {{order.number}} ({{order.number}}) — {{agent.name}}';
    expect(renderCanned(body, { customerName: '', agentName: 'Joris', order: null, language: 'en' })).toEqual({
      text: 'Dear {{ customer.name }}, order {{order.number}} ({{order.number}}) — Joris',
      missing: ['customer.name', 'order.number'],
    });
  });

  it('takes the customer name from the order when the draft has none', () => {
    const facts = { order: { ...order, customerName: 'S. de Vries' }, language: 'nl' };
    expect(renderCanned('{{customer.name}}', facts).text).toBe('S. de Vries');
  });

  it('finds the placeholders a reply still holds, and nothing else in braces', () => {
    expect(unfilledPlaceholders('Hoi {{ customer.name }}, {{order.number}} {{order.number}} {{x}} {json}')).toEqual([
      'customer.name',
      'order.number',
    ]);
    expect(unfilledPlaceholders('Beste Sanne, je pakket is onderweg.')).toEqual([]);
  });
});
