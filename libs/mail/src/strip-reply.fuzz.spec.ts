import fc from 'fast-check';
import { runs } from '../fuzz/mime.arbitraries';
import { stripReply } from './strip-reply.util';

const RUNS = runs(10_000);
const normalized = (text: string) => text.replace(/\r\n?/g, '\n');

/** Lines that look like the pieces the stripper reacts to, mixed with noise. */
const replyLine = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      '> quoted',
      '>> deeper',
      '-- ',
      '--',
      '-----Original Message-----',
      '________________________________',
      'On Tue, 1 Jul 2025 at 10:00, Shop <support@shop.test> wrote:',
      'Op 30 jun. 2025 schreef Shop <support@shop.test>:',
      'From: Shop <support@shop.test>',
      'Sent: Tuesday, July 1, 2025 10:00',
      'To: jan@example.nl',
      'Subject: Re: order',
      'Thanks,',
      'Met vriendelijke groet,',
      'Jan',
      'Sent from my iPhone',
      'Tel: +31 20 123 4567',
      'www.example.nl',
      'jan@example.nl',
      '\u0000',
      '\uD800',
      'x'.repeat(500),
    ),
  },
);
const replyText = fc
  .tuple(fc.array(replyLine, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, eol]) => lines.join(eol));
const senderName = fc.option(
  fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('Jan de Vries', 'jan@example.nl', '(.*)+', '[')),
  { nil: undefined },
);

/** Invariants that hold for any input: new text and signature are taken from the message, never made up. */
function checkInvariants(text: string, name: string | undefined) {
  const result = stripReply(text, { senderName: name });
  const source = normalized(text);
  expect(source.includes(result.newText)).toBe(true);
  expect(result.newText.length).toBeLessThanOrEqual(source.length);
  expect(result.newText).toBe(result.newText.trim());
  if (result.signature !== null) {
    expect(result.signature.length).toBeGreaterThan(0);
    expect(source.includes(result.signature)).toBe(true);
  }
  expect(result.quoted).toBe(result.quoted.trim());
  expect(result.newText.length + result.quoted.length).toBeLessThanOrEqual(source.length + 2);
}

describe('stripReply under fuzzing', () => {
  it(`takes new text and signature from the message for arbitrary strings (${RUNS} cases)`, () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), senderName, checkInvariants), {
      numRuns: RUNS,
    });
  }, 300_000);

  it(`does so for reply-shaped text with quotes, attributions and signatures (${RUNS} cases)`, () => {
    fc.assert(fc.property(replyText, senderName, checkInvariants), { numRuns: RUNS });
  }, 300_000);

  it(`keeps a plain answer above a standard attribution and puts the history in quoted (${RUNS} cases)`, () => {
    const word = fc.stringMatching(/^[a-z]{2,9}$/);
    const answer = fc
      .array(
        fc.array(word, { minLength: 1, maxLength: 10 }).map((w) => w.join(' ')),
        { minLength: 1, maxLength: 6 },
      )
      .map((l) => l.join('\n'));
    fc.assert(
      fc.property(answer, fc.array(word, { minLength: 1, maxLength: 8 }), (reply, history) => {
        const text = `${reply}\n\nOn Tue, 1 Jul 2025 at 10:00, Shop <support@shop.test> wrote:\n> ${history.join(' ')}\n`;
        const result = stripReply(text);
        expect(reply.includes(result.newText)).toBe(true);
        expect(result.quoted).toContain(`> ${history.join(' ')}`);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
