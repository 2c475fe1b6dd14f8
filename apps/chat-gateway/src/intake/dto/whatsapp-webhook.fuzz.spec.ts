import { findUnstorable } from '@draftdesk/platform';
import fc from 'fast-check';
import { anyJson, expectNamedRejection, FUZZ_RUNS, whatsAppBody } from '../../../../../test/support/fuzz';
import { parseWebhookBody } from './webhook-body.util';
import { fromWhatsAppWebhook, whatsAppWebhookSchema } from './whatsapp-webhook.dto';

describe('WhatsApp notification under fuzzing', () => {
  it(`takes ${FUZZ_RUNS} notifications: each yields messages PostgreSQL can store, or a 400 naming the field`, () => {
    let accepted = 0;
    let messages = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: whatsAppBody }, { weight: 1, arbitrary: anyJson }), (body) => {
        const parsed = parseWebhookBody(whatsAppWebhookSchema, body);
        if (!parsed.ok) return expectNamedRejection(body, parsed.errors);
        accepted++;
        const out = fromWhatsAppWebhook(parsed.value);
        messages += out.length;
        expect(findUnstorable(out)).toEqual([]);
        for (const m of out) expect(new Date(m.sentAt).toISOString()).toBe(m.sentAt);
      }),
      { numRuns: FUZZ_RUNS },
    );
    process.stdout.write(
      `whatsapp notification fuzz: ${FUZZ_RUNS} cases, ${accepted} accepted (${messages} messages), ${FUZZ_RUNS - accepted} refused\n`,
    );
    expect(accepted).toBeGreaterThan(FUZZ_RUNS / 20);
    expect(messages).toBeGreaterThan(FUZZ_RUNS / 50);
  });
});
