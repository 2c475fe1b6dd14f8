import { invalidRequest } from '@draftdesk/platform';
import fc from 'fast-check';

/** Cases per property: enough to meet rare combinations, small enough to stay well under a minute per file. */
export const FUZZ_RUNS = 10_000;

// Any UTF-16 code unit, so NUL and unpaired surrogates turn up as often as letters.
export const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
export const nastyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: codeUnit, maxLength: 30 }),
  fc.constantFrom('', ' ', '\u0000', 'hoi\u0000', '\ud83d', '\udc4d end', '👍', 'x'.repeat(20_001)),
);
/** Mostly what a customer types, sometimes hostile text. */
export const chatText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Waar is mijn pakket?', 'Hallo', 'Where is order 100234?', '👍 thanks') },
  { weight: 1, arbitrary: nastyText },
);
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  nastyText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyText, { maxLength: 3 }),
  fc.dictionary(nastyText, nastyText, { maxKeys: 3 }),
);
/** Mostly a plausible value, sometimes anything at all, sometimes missing. */
export const field = <T>(plausible: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 40, arbitrary: plausible as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: anyJson },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
/** Now and then one key more than the schema knows. */
export const withExtraKey = <T extends object>(record: fc.Arbitrary<T>): fc.Arbitrary<object> =>
  fc.oneof(
    { weight: 15, arbitrary: record },
    { weight: 1, arbitrary: fc.tuple(record, nastyText, anyJson).map(([r, key, value]) => ({ ...r, [key]: value })) },
  );

export const chatTimestamp = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 4_000_000_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 4_000_000_000_000 }).map((ms) => new Date(ms).toISOString()) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }) },
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '0000-01-01T00:00:00Z',
      '2025-11-24T17:00:00+01:00',
      '9999-12-31T23:59:59-05:00',
      '1e400',
    ),
  },
);

export const genericBody = withExtraKey(
  fc.record({
    sessionId: field(fc.string({ minLength: 1, maxLength: 40 })),
    messageId: field(fc.string({ minLength: 1, maxLength: 40 })),
    customer: field(
      withExtraKey(
        fc.record({
          id: field(fc.string({ minLength: 1, maxLength: 20 })),
          name: field(chatText),
          email: field(fc.constantFrom('anna@example.nl', null, 'not-an-email')),
        }),
      ),
    ),
    text: field(chatText),
    attachments: field(
      fc.array(
        withExtraKey(
          fc.record({
            url: field(fc.constantFrom('https://cdn.shop.test/a.png', 'http://x.test/b?c=d', 'ftp://x.test/f')),
            contentType: field(fc.constantFrom('image/png', 'application/pdf')),
            filename: field(chatText),
          }),
        ),
        { maxLength: 3 },
      ),
    ),
    timestamp: field(chatTimestamp),
  }),
);

const waMessage = withExtraKey(
  fc.record(
    {
      from: field(fc.stringMatching(/^\d{6,15}$/)),
      id: field(fc.string({ minLength: 1, maxLength: 30 })),
      timestamp: field(
        fc.oneof(
          { weight: 8, arbitrary: fc.integer({ min: 0, max: 4_000_000_000 }).map(String) },
          { weight: 1, arbitrary: fc.stringMatching(/^\d{1,20}$/) },
          { weight: 1, arbitrary: nastyText },
        ),
      ),
      type: field(fc.constantFrom('text', 'image', 'document', 'reaction')),
      text: field(withExtraKey(fc.record({ body: field(chatText) }))),
      image: field(
        fc.record({
          id: field(fc.string({ maxLength: 10 })),
          mime_type: field(fc.constantFrom('image/jpeg', 'image/png')),
          caption: field(chatText),
        }),
      ),
      document: field(fc.record({ id: field(fc.string({ maxLength: 10 })), filename: field(chatText) })),
    },
    { requiredKeys: ['from', 'id', 'timestamp', 'type'] },
  ),
);
export const whatsAppBody = withExtraKey(
  fc.record({
    object: field(fc.constant('whatsapp_business_account')),
    entry: field(
      fc.array(
        fc.record({
          id: field(fc.string({ maxLength: 10 })),
          changes: field(
            fc.array(
              fc.record({
                field: field(fc.constant('messages')),
                value: field(
                  withExtraKey(
                    fc.record({
                      messaging_product: field(fc.constant('whatsapp')),
                      contacts: field(
                        fc.array(
                          fc.record({
                            wa_id: field(fc.stringMatching(/^\d{6,15}$/)),
                            profile: field(fc.record({ name: field(chatText) })),
                          }),
                          { maxLength: 2 },
                        ),
                      ),
                      messages: field(fc.array(waMessage, { minLength: 1, maxLength: 3 })),
                    }),
                  ),
                ),
              }),
              { minLength: 1, maxLength: 2 },
            ),
          ),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    ),
  }),
);

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A rejection is a 400 whose every error names a field (the body itself only when it is not an object at all). */
export function expectNamedRejection(body: unknown, errors: { field: string; message: string }[]) {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(e.message).toEqual(expect.any(String));
    expect(e.field.length).toBeGreaterThan(0);
    if (isObject(body)) expect(e.field).not.toBe('(body)');
  }
  expect(invalidRequest(errors).getStatus()).toBe(400);
}
