import fc from 'fast-check';
import { CASE_TIMEOUT_MS, message, mutate, mutation, parseChecked, runs } from '../fuzz/mime.arbitraries';

// Real-looking MIME (nested multiparts, random boundaries, broken encodings, huge headers, NUL, lone surrogates)
// with random byte mutations on top. Split over two files so each stays under a minute.
describe('parseMail under fuzzing: mutated MIME, part 2', () => {
  const RUNS = runs(5_000);
  it(`returns a storable mail or a MailParseError, never another error (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(message, fc.array(mutation, { maxLength: 3 }), (raw, mutations) =>
        parseChecked(mutate(Buffer.from(raw, 'utf8'), mutations)),
      ),
      { numRuns: RUNS, timeout: CASE_TIMEOUT_MS },
    );
  }, 600_000);
});
