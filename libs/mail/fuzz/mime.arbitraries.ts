import fc from 'fast-check';
import { MailParseError } from '../src/mail-parse.exception';
import type { ParsedMail } from '../src/mail.types';
import { parseMail } from '../src/parse-mail.util';

// Generators and invariants for the property-based specs of parseMail (src/*.fuzz.spec.ts): whatever the bytes,
// parseMail returns a storable ParsedMail or rejects with MailParseError, and never hangs. A failing run prints
// fast-check's seed and shrunk counterexample; FUZZ_RUNS overrides the number of cases.
export const runs = (fallback: number) => Number(process.env.FUZZ_RUNS ?? fallback);
export const CASE_TIMEOUT_MS = 5_000;
export const LIMITS = { timeoutMs: 2_000, maxTextChars: 200_000, maxHtmlChars: 200_000 };
const PARSE_ERROR_CODES: MailParseError['code'][] = ['EMPTY', 'TIMEOUT', 'UNPARSEABLE', 'TOO_LARGE'];
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const loneSurrogate = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF');
const nasty = fc.constantFrom(
  '\u0000',
  '\r',
  '\n',
  '\r\n',
  '=',
  '?',
  '"',
  ';',
  '--',
  '=?',
  '?=',
  '\t',
  '\u00ff',
  '\uFEFF',
  '<',
  '>',
  ':',
);
/** Text with the characters that break parsers: NUL, lone surrogates, CR/LF, encoded-word and MIME syntax. */
export const hostileText = (maxLength: number) =>
  fc
    .array(
      fc.oneof(
        { weight: 5, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
        { weight: 2, arbitrary: nasty },
        { weight: 1, arbitrary: loneSurrogate },
      ),
      {
        maxLength,
      },
    )
    .map((parts) => parts.join(''));

const boundary = fc.oneof(
  fc.string({ unit: 'binary-ascii', minLength: 0, maxLength: 80 }),
  fc.constantFrom('b1', '', ' ', '"', '--', '=_x'),
);
const charset = fc.constantFrom(
  'utf-8',
  'iso-8859-1',
  'windows-1252',
  'utf-7',
  'shift_jis',
  'koi8-r',
  'gb2312',
  'x-unknown',
  '',
  '"utf-8',
);
const encoding = fc.constantFrom('7bit', '8bit', 'binary', 'base64', 'quoted-printable', 'x-uuencode', 'bogus');
const encodedWord = fc
  .tuple(charset, fc.constantFrom('B', 'Q', 'b', 'X'), hostileText(6))
  .map(
    ([cs, enc, text]) =>
      `=?${cs}?${enc}?${enc.toUpperCase() === 'B' ? Buffer.from(text).toString('base64').slice(0, 40) : text}?=`,
  );
// Huge headers are built by repetition: generating 20 kB strings character by character would cost more than parsing them.
const hugeHeader = fc
  .tuple(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }), fc.integer({ min: 100, max: 1_500 }))
  .map(([unit, n]) => unit.repeat(n));
export const headerValue = fc.oneof(
  { weight: 6, arbitrary: hostileText(12) },
  { weight: 2, arbitrary: encodedWord },
  { weight: 1, arbitrary: hugeHeader },
);
export const address = fc.oneof(
  fc.constant('"Jan de Vries" <jan@example.nl>'),
  hostileText(12),
  encodedWord,
  fc.tuple(hostileText(6), hostileText(4)).map(([name, local]) => `"${name}" <${local}@example.test>`),
  fc.constant('undisclosed-recipients:;'),
);

/** A body that claims an encoding, sometimes honestly (valid base64 / QP), sometimes not. */
const encodedBody = fc.tuple(encoding, hostileText(24), fc.boolean()).map(([enc, text, honest]) => {
  if (enc === 'base64' && honest)
    return { enc, body: Buffer.from(text).toString('base64').replace(/.{76}/g, '$&\r\n') };
  if (enc === 'quoted-printable' && !honest) return { enc, body: `${text}=\r\n=ZZ=4`.replace(/=$/, '') };
  return { enc, body: text };
});

export interface Part {
  headers: string[];
  body: string;
}

const leaf: fc.Arbitrary<Part> = fc
  .tuple(
    fc.constantFrom(
      'text/plain',
      'text/html',
      'application/pdf',
      'message/rfc822',
      'text/rfc822-headers',
      'image/png',
      'bogus',
    ),
    charset,
    encodedBody,
    fc.option(hostileText(8)),
  )
  .map(([type, cs, { enc, body }, filename]) => ({
    headers: [
      `Content-Type: ${type}; charset=${cs}${filename === null ? '' : `; name="${filename}"`}`,
      `Content-Transfer-Encoding: ${enc}`,
      ...(filename === null ? [] : [`Content-Disposition: attachment; filename="${filename}"`]),
    ],
    body: type === 'text/html' ? `<div><p>${body}</p>${'<div>'.repeat(body.length % 50)}</div>` : body,
  }));

export const part: fc.Arbitrary<Part> = fc.letrec<{ part: Part }>((tie) => ({
  part: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(
        fc.constantFrom('mixed', 'alternative', 'related', 'report', 'signed'),
        boundary,
        fc.array(tie('part'), { maxLength: 3 }),
        fc.boolean(),
      )
      .map(([subtype, b, children, closed]) => ({
        headers: [`Content-Type: multipart/${subtype}; boundary="${b}"`],
        body: `${children.map((c) => `--${b}\r\n${c.headers.join('\r\n')}\r\n\r\n${c.body}\r\n`).join('')}${closed ? `--${b}--\r\n` : ''}`,
      })),
  ),
})).part;

export const message = fc
  .tuple(
    address,
    fc.array(address, { maxLength: 3 }),
    headerValue,
    fc.option(hostileText(10)),
    fc.array(fc.tuple(fc.string({ unit: 'binary-ascii', maxLength: 30 }), headerValue), { maxLength: 5 }),
    part,
  )
  .map(([from, to, subject, messageId, extra, body]) =>
    [
      `From: ${from}`,
      `To: ${to.join(', ')}`,
      `Subject: ${subject}`,
      ...(messageId === null ? [] : [`Message-ID: <${messageId}>`]),
      'Date: Tue, 01 Jul 2025 10:00:00 +0200',
      'MIME-Version: 1.0',
      ...extra.map(([name, value]) => `${name}: ${value}`),
      ...body.headers,
      '',
      body.body,
    ].join('\r\n'),
  );

type Mutation = { kind: 'truncate' | 'insert' | 'flip' | 'duplicate'; at: number; bytes: Uint8Array };
export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('truncate', 'insert', 'flip', 'duplicate'),
  at: fc.nat(),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
});

export function mutate(raw: Buffer, mutations: Mutation[]): Buffer {
  let out = raw;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'truncate') out = out.subarray(0, at);
    else if (m.kind === 'insert') out = Buffer.concat([out.subarray(0, at), m.bytes, out.subarray(at)]);
    else if (m.kind === 'flip') out = Buffer.concat([out.subarray(0, at), m.bytes, out.subarray(at + m.bytes.length)]);
    else out = Buffer.concat([out.subarray(0, at), out.subarray(at, at + 200), out.subarray(at)]);
  }
  return out;
}

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => allStrings(v, out));
  else if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      allStrings(v, out);
    }
  }
  return out;
}

/** What every parsed mail must satisfy, whatever came in. */
function checkInvariants(mail: ParsedMail) {
  for (const s of allStrings(mail)) {
    expect(s.includes('\u0000')).toBe(false);
    expect(LONE_SURROGATE.test(s)).toBe(false);
  }
  expect(mail.text.includes(mail.newText)).toBe(true);
  expect(mail.newText.length).toBeLessThanOrEqual(mail.text.length);
  expect(mail.text.length).toBeLessThanOrEqual(LIMITS.maxTextChars);
  expect((mail.html ?? '').length).toBeLessThanOrEqual(LIMITS.maxHtmlChars);
  expect(mail.subject).not.toMatch(/[\r\n]/);
  expect(mail.contentHash).toMatch(/^[0-9a-f]{64}$/);
  if (mail.date !== null) expect(new Date(mail.date).toISOString()).toBe(mail.date);
  for (const a of [mail.from, ...mail.to, ...mail.cc, ...mail.replyTo]) if (a) expect(a.address).toBe(a.address.trim());
  for (const a of mail.attachments) expect(a.size).toBeGreaterThanOrEqual(0);
  expect(typeof mail.automated.automated).toBe('boolean');
  // Storable as jsonb: serialises, and reads back the same.
  expect(JSON.parse(JSON.stringify(mail))).toEqual(JSON.parse(JSON.stringify(mail)));
}

export async function parseChecked(raw: Buffer) {
  try {
    checkInvariants(await parseMail(raw, LIMITS));
  } catch (error) {
    if (!(error instanceof MailParseError)) throw error;
    expect(PARSE_ERROR_CODES).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(0);
  }
}

/**
 * Real-looking MIME (nested multiparts, random boundaries, broken encodings, huge headers, NUL, lone surrogates) with
 * random byte mutations on top. The suite is split over files so each stays under a minute; `part` names the file's share.
 */
export function describeMutatedMime(part: number): void {
  describe(`parseMail under fuzzing: mutated MIME, part ${part}`, () => {
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
}
