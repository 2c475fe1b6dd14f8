import { MailParseError } from './mail-parse.exception';
import { parseMail } from './parse-mail.util';

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

const ALTERNATIVE = crlf(`From: "Jan de Vries" <jan@example.nl>
To: Support <support+tok1@shop.test>, other@shop.test
Cc: =?utf-8?q?Bj=C3=B6rn?= <bjorn@example.de>
Subject: =?utf-8?B?UmU6IEJlc3RlbGxpbmcgw6k=?=
Date: Tue, 01 Jul 2025 10:00:00 +0200
Message-ID: <m2@example.nl>
In-Reply-To: <m1@shop.test>
References: <m0@shop.test> <m1@shop.test>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Waar blijft mijn pakket?

Op 30 jun. 2025 schreef Shop <support@shop.test>:
> Verzonden.
--b1
Content-Type: text/html; charset=utf-8

<p>Waar blijft mijn pakket?</p>
--b1--
`);

const HTML_ONLY = crlf(`From: a@example.com
To: support@shop.test
Subject: html
Content-Type: text/html; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

<html><body><p>Caf=E9 order <b>42</b></p><p>Second&nbsp;line</p></body></html>
`);

const ATTACHMENT = crlf(`From: a@example.com
To: support@shop.test
Subject: photo
Content-Type: multipart/mixed; boundary="m"

--m
Content-Type: text/plain

See attached.
--m
Content-Type: image/png; name="broken.png"
Content-Disposition: attachment; filename="broken.png"
Content-Transfer-Encoding: base64

iVBORw0KGgo=
--m
Content-Type: application/ms-tnef; name="winmail.dat"
Content-Disposition: attachment; filename="winmail.dat"
Content-Transfer-Encoding: base64

eJ8+IgAAAA==
--m--
`);

describe('parseMail', () => {
  it('reads a multipart/alternative reply', async () => {
    const mail = await parseMail(ALTERNATIVE);
    expect(mail).toMatchObject({
      messageId: 'm2@example.nl',
      inReplyTo: 'm1@shop.test',
      references: ['m0@shop.test', 'm1@shop.test'],
      from: { address: 'jan@example.nl', name: 'Jan de Vries' },
      to: [
        { address: 'support+tok1@shop.test', name: 'Support' },
        { address: 'other@shop.test', name: '' },
      ],
      cc: [{ address: 'bjorn@example.de', name: 'Björn' }],
      subject: 'Re: Bestelling é',
      normalizedSubject: 'Bestelling é',
      date: '2025-07-01T08:00:00.000Z',
      newText: 'Waar blijft mijn pakket?',
      automated: { automated: false, kind: null, reasons: [] },
      attachments: [],
    });
    expect(mail.quoted).toContain('> Verzonden.');
    expect(mail.html).toContain('<p>Waar blijft mijn pakket?</p>');
    expect(mail.headers['message-id']).toBe('<m2@example.nl>');
    expect(mail.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('converts HTML-only mail to readable text', async () => {
    const mail = await parseMail(Buffer.from(HTML_ONLY, 'latin1'));
    expect(mail.text).toContain('Café order 42');
    expect(mail.text).toMatch(/Second\s+line/);
    expect(mail.text).not.toContain('<');
    expect(mail.date).toBeNull();
  });

  it('lists attachments, including TNEF, without content unless asked', async () => {
    const mail = await parseMail(ATTACHMENT);
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.disposition])).toEqual([
      ['broken.png', 'image/png', 'attachment'],
      ['winmail.dat', 'application/ms-tnef', 'attachment'],
    ]);
    expect(mail.attachments[0].size).toBe(8);
    expect(mail.attachments[0].content).toBeUndefined();
    const withContent = await parseMail(ATTACHMENT, { keepAttachmentContent: true });
    expect(withContent.attachments[0].content?.length).toBe(8);
  });

  it('gives identical messages the same content hash and different ones different hashes', async () => {
    const a = await parseMail(ALTERNATIVE);
    const b = await parseMail(ALTERNATIVE.replace('Message-ID: <m2@example.nl>\r\n', ''));
    const c = await parseMail(ALTERNATIVE.replace('Waar blijft', 'Wanneer komt'));
    expect(b.contentHash).toBe(a.contentHash);
    expect(c.contentHash).not.toBe(a.contentHash);
  });

  it('flags automated mail from headers', async () => {
    const mail = await parseMail(
      crlf(
        'From: MAILER-DAEMON@mx.test\nTo: support@shop.test\nSubject: Undelivered Mail\nAuto-Submitted: auto-replied\n\nfailed\n',
      ),
    );
    expect(mail.automated.kind).toBe('bounce');
  });

  it.each<[string, string | Buffer, MailParseError['code']]>([
    ['empty string', '', 'EMPTY'],
    ['whitespace', ' \r\n\r\n ', 'EMPTY'],
    ['binary garbage', Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37) % 256)), 'UNPARSEABLE'],
    ['prose without headers', 'Hello,\nthis is just text.\n', 'UNPARSEABLE'],
  ])('rejects %s', async (_name, raw, code) => {
    await expect(parseMail(raw)).rejects.toMatchObject({ name: 'MailParseError', code });
  });

  it('accepts a binary body under text headers', async () => {
    const raw = Buffer.concat([
      Buffer.from(
        'From: a@b.test\nSubject: bin\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: binary\n\n',
      ),
      Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    ]);
    await expect(parseMail(raw)).resolves.toMatchObject({ subject: 'bin' });
  });

  it('rejects oversized input', async () => {
    await expect(parseMail(ALTERNATIVE, { maxBytes: 100 })).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it.each<[string, string, { maxTextChars?: number; maxHtmlChars?: number }, string | null]>([
    ['a text body within the limit', ALTERNATIVE, { maxTextChars: 1000 }, null],
    ['a text body over the limit', ALTERNATIVE, { maxTextChars: 10 }, 'text body is'],
    ['an HTML body over its limit', ALTERNATIVE, { maxHtmlChars: 10 }, 'HTML body is'],
    ['HTML converted to text over the text limit', HTML_ONLY, { maxTextChars: 5 }, 'text body is'],
    ['HTML-only mail within both limits', HTML_ONLY, { maxTextChars: 100, maxHtmlChars: 200 }, null],
  ])('body size limits: %s', async (_name, raw, limits, refusal) => {
    const parsing = parseMail(raw, limits);
    if (refusal === null) await expect(parsing).resolves.toMatchObject({ subject: expect.any(String) });
    else await expect(parsing).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining(refusal) });
  });

  it('drops NUL and unpaired surrogates from every field', async () => {
    const mail = await parseMail(
      crlf(
        'From: "Kl\u0000ant" <a@b.test>\nSubject: order\u0000 42\nX-Ref: 1\u00002\nContent-Type: text/plain; charset=utf-8\n\nbody\u0000 \ud800text\n',
      ),
    );
    expect(mail).toMatchObject({ subject: 'order 42', from: { name: 'Klant' }, headers: { 'x-ref': '12' } });
    expect(mail.text.trim()).toBe('body \ufffdtext');
  });

  it('times out instead of hanging', async () => {
    const huge = crlf(`From: a@b.c\nSubject: x\nContent-Type: text/plain\n\n`) + 'x'.repeat(5_000_000);
    await expect(parseMail(huge, { timeoutMs: 1 })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('parses malformed but mail-like input leniently', async () => {
    const mail = await parseMail(
      'From: someone\nSubject: =?bogus?Q?x?=\nContent-Type: multipart/mixed\n\nno boundary here\n',
    );
    expect(mail.from).toBeNull();
    expect(mail.text).toContain('no boundary here');
  });
});

describe('parseMail: the message a bounce returns', () => {
  const bounce = (enclosedType: string) =>
    [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.test>',
      'To: support@shop.test',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <bounce-1@mx.example.test>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--b',
      `Content-Type: ${enclosedType}`,
      '',
      'From: support@shop.test',
      'Message-ID: <reply-42@replies.shop.test>',
      'Subject: Re: order',
      '',
      '--b--',
      '',
    ].join('\r\n');

  it.each([['message/rfc822'], ['text/rfc822-headers']])(
    'reads the returned Message-ID from an enclosed %s part',
    async (type) => {
      const mail = await parseMail(bounce(type));
      expect(mail.automated.kind).toBe('bounce');
      expect(mail.enclosedMessageIds).toEqual(['reply-42@replies.shop.test']);
    },
  );

  it('names nothing for a mail without an enclosed message', async () => {
    const mail = await parseMail(
      'From: a@example.test\r\nMessage-ID: <x@example.test>\r\nSubject: hi\r\n\r\nMessage-ID: <not-a-header@x>\r\n',
    );
    expect(mail.enclosedMessageIds).toEqual([]);
  });
});
