import { DEFAULT_POLICY, parsePolicy, PolicyError } from './shop-policy.schema';

/** Valid opening hours as YAML, but for the fields given. */
const businessHours = (fields: Record<string, string>) =>
  `businessHours: { ${Object.entries({ timezone: 'UTC', days: '[1]', start: '"09:00"', end: '"17:00"', ...fields })
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ')} }`;

describe('parsePolicy', () => {
  it('fills missing sections with the safe defaults', () => {
    expect(parsePolicy('')).toEqual(DEFAULT_POLICY);
    expect(parsePolicy('limits:\n  maxRefundAmount: 25\n')).toEqual({
      ...DEFAULT_POLICY,
      limits: { ...DEFAULT_POLICY.limits, maxRefundAmount: 25 },
    });
  });

  it('keeps auto-send off by default', () => {
    expect(DEFAULT_POLICY.autoSend.enabled).toBe(false);
    expect(parsePolicy('autoSend:\n  intents: [track_order]\n').autoSend.enabled).toBe(false);
  });

  it('reads a full policy', () => {
    const policy = parsePolicy(`
autoSend: { enabled: true, intents: [track_order], minConfidence: { default: 0.9, track_order: 0.8 } }
limits: { maxRefundAmount: 50, maxDiscountPercent: 10, currency: EUR }
escalateOn: [legal_threat]
businessHours: { timezone: Europe/Amsterdam, days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" }
canary: DD-CANARY-0001
`);
    expect(policy.autoSend.minConfidence).toEqual({ default: 0.9, track_order: 0.8 });
    expect(policy.businessHours?.timezone).toBe('Europe/Amsterdam');
    expect(policy.canary).toBe('DD-CANARY-0001');
  });

  it.each<[string, string, string]>([
    ['a typo in a section name', 'autosend: { enabled: true }', '(root)'],
    ['a boolean written as text', 'autoSend: { enabled: "yes" }', 'autoSend.enabled'],
    ['a confidence above 1', 'autoSend: { minConfidence: 1.5 }', 'autoSend.minConfidence'],
    [
      'a per-intent confidence below 0',
      'autoSend: { minConfidence: { track_order: -1 } }',
      'autoSend.minConfidence.track_order',
    ],
    ['a negative refund limit', 'limits: { maxRefundAmount: -5 }', 'limits.maxRefundAmount'],
    ['a discount over 100%', 'limits: { maxDiscountPercent: 150 }', 'limits.maxDiscountPercent'],
    ['a currency that is not ISO 4217', 'limits: { currency: euro }', 'limits.currency'],
    ['escalateOn that is not a list', 'escalateOn: legal_threat', 'escalateOn'],
    ['an unknown time zone', businessHours({ timezone: 'Mars/Olympus' }), 'businessHours.timezone'],
    ['a day number out of range', businessHours({ days: '[8]' }), 'businessHours.days.0'],
    ['a malformed time', businessHours({ start: '"9am"' }), 'businessHours.start'],
    ['hours that end before they start', businessHours({ start: '"18:00"', end: '"09:00"' }), 'businessHours.end'],
    ['a canary too short to be unique', 'canary: abc', 'canary'],
  ])('rejects %s, naming the field', (_name, yamlText, field) => {
    let error: unknown;
    try {
      parsePolicy(yamlText);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).field).toBe(field);
    expect((error as PolicyError).message).toContain(`"${field}"`);
  });

  it('reports YAML syntax errors', () => {
    expect(() => parsePolicy('autoSend: [enabled')).toThrow(/invalid YAML/);
  });
});
