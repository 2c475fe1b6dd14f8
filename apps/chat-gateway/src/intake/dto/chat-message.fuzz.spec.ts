import { findUnstorable } from '@draftdesk/platform';
import fc from 'fast-check';
import { anyJson, expectNamedRejection, FUZZ_RUNS, genericBody } from '../../../../../test/support/fuzz';
import { fromGenericMessage, genericMessageSchema } from './chat-message.dto';
import { parseWebhookBody } from './webhook-body.util';

describe('generic chat webhook body under fuzzing', () => {
  it(`takes ${FUZZ_RUNS} bodies: each becomes a message PostgreSQL can store, or a 400 naming the field`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: genericBody }, { weight: 1, arbitrary: anyJson }), (body) => {
        const parsed = parseWebhookBody(genericMessageSchema, body);
        if (!parsed.ok) return expectNamedRejection(body, parsed.errors);
        accepted++;
        const message = fromGenericMessage(parsed.value);
        expect(findUnstorable(message)).toEqual([]);
        expect(new Date(message.sentAt).toISOString()).toBe(message.sentAt);
      }),
      { numRuns: FUZZ_RUNS },
    );
    process.stdout.write(
      `generic chat message fuzz: ${FUZZ_RUNS} cases, ${accepted} accepted, ${FUZZ_RUNS - accepted} refused\n`,
    );
    // The generator must reach the accepting path often enough for the storable check to mean something.
    expect(accepted).toBeGreaterThan(FUZZ_RUNS / 20);
  });
});
