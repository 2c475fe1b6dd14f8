// Cheap checks that tell "some mail, however broken" from "not mail at all" before the MIME parser runs.
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]{1,76}[ \t]*:/;
const CONTINUATION = /^[ \t]+\S/;
const KNOWN_HEADER =
  /^(?:from|to|cc|subject|date|message-id|received|return-path|mime-version|content-type|delivered-to|reply-to|sender|x-[\w-]+|in-reply-to|references|dkim-signature|authentication-results|content-transfer-encoding|envelope-to|arc-[\w-]+|list-[\w-]+|thread-\w+|importance|precedence|auto-submitted|errors-to|apparently-to|resent-[\w-]+|status|user-agent|organization|newsgroups|path|lines|content-disposition|bcc)[ \t]*:/i;

export interface SniffResult {
  ok: boolean;
  reason: string;
  /** Bytes to skip before the header block (an mbox "From " envelope line, blank lines, a BOM). */
  offset: number;
}

export function looksLikeMail(buffer: Buffer): SniffResult {
  const sample = buffer.subarray(0, 65536);
  // Only the header block must be text: a body may legitimately be binary (Content-Transfer-Encoding: binary).
  const headerEnd = sample.indexOf('\n\n') >= 0 ? Math.min(sample.indexOf('\n\n'), 8192) : 8192;
  const crlfEnd = sample.indexOf('\r\n\r\n');
  const end = crlfEnd >= 0 && crlfEnd < headerEnd ? crlfEnd : headerEnd;
  let controls = 0;
  for (const byte of sample.subarray(0, end)) {
    if (
      byte === 0 ||
      (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b)
    )
      controls++;
  }
  if (controls > 8) return { ok: false, reason: 'binary data, not a text message', offset: 0 };

  const text = sample.toString('latin1');
  let offset = 0;
  if (text.startsWith('\xef\xbb\xbf')) offset = 3;
  const leading = /^(?:[ \t]*\r?\n)*/.exec(text.slice(offset));
  offset += leading?.[0].length ?? 0;
  const envelope = /^>?From [^\r\n]*\r?\n/.exec(text.slice(offset));
  if (envelope) offset += envelope[0].length;

  const lines = text.slice(offset).split(/\r?\n/);
  let headers = 0;
  let known = 0;
  let junk = 0;
  for (const line of lines) {
    if (line === '' || line.trim() === '') break;
    if (HEADER_LINE.test(line)) {
      headers++;
      if (KNOWN_HEADER.test(line)) known++;
    } else if (!CONTINUATION.test(line)) {
      junk++;
    }
    if (headers + junk > 400) break;
  }
  if (headers === 0) return { ok: false, reason: 'no header block', offset };
  if (known === 0 && junk >= headers) return { ok: false, reason: 'no recognisable mail headers', offset };
  return { ok: true, reason: '', offset };
}
