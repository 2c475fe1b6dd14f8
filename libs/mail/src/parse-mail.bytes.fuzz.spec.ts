import fc from 'fast-check';
import { CASE_TIMEOUT_MS, parseChecked, runs } from '../fuzz/mime.arbitraries';

describe('parseMail under fuzzing: arbitrary bytes', () => {
  const RUNS = runs(10_000);
  it(`returns a storable mail or a MailParseError, never another error (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), (bytes) => parseChecked(Buffer.from(bytes))),
      { numRuns: RUNS, timeout: CASE_TIMEOUT_MS },
    );
  }, 600_000);

  it(`does the same for bytes behind a valid header block (${RUNS} cases)`, async () => {
    const head = Buffer.from('From: a@example.test\r\nTo: support@shop.test\r\nSubject: x\r\nMIME-Version: 1.0\r\n');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), (bytes) => parseChecked(Buffer.concat([head, bytes]))),
      { numRuns: RUNS, timeout: CASE_TIMEOUT_MS },
    );
  }, 600_000);
});
