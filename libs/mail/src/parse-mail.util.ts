import { createHash } from 'node:crypto';
import { convert as htmlToText } from 'html-to-text';
import { simpleParser } from 'mailparser';
import type { AddressObject, Attachment, EmailAddress, ParsedMail as RawParsedMail } from 'mailparser';
import { detectAutomated } from './detect-automated.util';
import { MailParseError } from './mail-parse.exception';
import type { MailAddress, MailAttachment, ParsedMail, ParseOptions } from './mail.types';
import { decodeCharset, decodeLegacyHeader, needsLegacyHeaderDecoding } from './legacy-charset.util';
import { looksLikeMail } from './raw-sniff.util';
import { storableDeep } from './storable-text.util';
import { stripReply } from './strip-reply.util';
import { normalizeSubject } from './subject.util';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export async function parseMail(raw: Buffer | string, options: ParseOptions = {}): Promise<ParsedMail> {
  const buffer = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (buffer.length > maxBytes)
    throw new MailParseError('TOO_LARGE', `message is ${buffer.length} bytes, limit ${maxBytes}`);
  if (isBlank(buffer)) {
    throw new MailParseError('EMPTY', 'message is empty');
  }
  const verdict = looksLikeMail(buffer);
  if (!verdict.ok) throw new MailParseError('UNPARSEABLE', verdict.reason);

  const mime = buffer.subarray(verdict.offset);
  const parsed = await withTimeout(parseMime(mime), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return toParsedMail(parsed, options, mime);
}

async function parseMime(buffer: Buffer): Promise<RawParsedMail> {
  try {
    // Our own HTML conversion (below) replaces mailparser's so HTML-only mail reads the same everywhere.
    return await simpleParser(buffer, {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
      keepCidLinks: true,
    });
  } catch (error) {
    throw new MailParseError('UNPARSEABLE', `MIME parser failed: ${(error as Error)?.message ?? String(error)}`, {
      cause: error,
    });
  }
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new MailParseError('TIMEOUT', `parsing took longer than ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function toParsedMail(parsed: RawParsedMail, options: ParseOptions, mime: Buffer): ParsedMail {
  const headers = rawHeaders(parsed);
  const html = typeof parsed.html === 'string' && parsed.html.length > 0 ? parsed.html : null;
  checkBodySize('HTML body', html?.length ?? 0, options.maxHtmlChars);
  let text = normalizeNewlines(
    parsed.text?.length ? decodeUtf7Body(parsed.text, headers['content-type']) : html ? htmlAsText(html) : '',
  );
  if (!text && !html && parsed.attachments.length === 0) text = rawBody(mime);
  checkBodySize('text body', text.length, options.maxTextChars);
  const rawSubject = rawHeaderValue(mime, 'subject');
  const subject = (
    rawSubject && needsLegacyHeaderDecoding(rawSubject) ? decodeLegacyHeader(rawSubject) : (parsed.subject ?? '')
  ).replace(/[\r\n]+/g, ' ');
  const from = flattenAddresses(parsed.from)[0] ?? null;
  const date = parseDate(headers['date']);
  const stripped = stripReply(text, { senderName: from?.name });
  const normalizedSubject = normalizeSubject(subject);
  // Every field ends up in text or jsonb columns: NUL or a lone surrogate anywhere must not make the mail unstorable.
  return storableDeep<ParsedMail>({
    messageId: firstMessageId(headers['message-id']),
    inReplyTo: firstMessageId(headers['in-reply-to']),
    references: messageIds(headers['references']),
    from,
    to: flattenAddresses(parsed.to),
    cc: flattenAddresses(parsed.cc),
    replyTo: flattenAddresses(parsed.replyTo),
    subject,
    normalizedSubject,
    date,
    text,
    html,
    newText: stripped.newText,
    quoted: stripped.quoted,
    signature: stripped.signature,
    automated: detectAutomated({
      headers,
      from: from?.address ?? null,
      subject,
      contentType: headers['content-type'],
      ownDomains: options.ownDomains,
      attachmentTypes: [...parsed.attachments.map((a) => String(a.contentType ?? '')), ...enclosedPartTypes(mime)],
      text,
    }),
    attachments: parsed.attachments.map((a) => toAttachment(a, options.keepAttachmentContent ?? false)),
    headers,
    enclosedMessageIds: enclosedMessageIds(mime, firstMessageId(headers['message-id'])),
    contentHash: contentHash(from?.address ?? '', date ?? '', normalizedSubject, text),
  });
}

// Every later stage (reply stripping, triage, drafting, the review desk) reads the whole body: one that no person
// would write is refused here, where the mail is still kept and quarantined with the reason.
function checkBodySize(what: string, length: number, limit: number | undefined) {
  if (limit !== undefined && length > limit)
    throw new MailParseError('TOO_LARGE', `${what} is ${length} characters, limit ${limit}`);
}

function rawHeaders(parsed: RawParsedMail): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines ?? []) {
    const name = key.toLowerCase();
    if (out[name] !== undefined) continue;
    const colon = line.indexOf(':');
    out[name] = (colon >= 0 ? line.slice(colon + 1) : '').replace(/\r?\n[ \t]+/g, ' ').trim();
  }
  return out;
}

function flattenAddresses(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const out: MailAddress[] = [];
  const visit = (entry: EmailAddress) => {
    if (entry.group) entry.group.forEach(visit);
    else if (entry.address) out.push({ address: entry.address.trim(), name: (entry.name ?? '').trim() });
  };
  objects.forEach((o) => o.value.forEach(visit));
  return out;
}

function messageIds(value: string | undefined): string[] {
  if (!value) return [];
  const bracketed = value.match(/<[^<>]*>/g);
  const ids = bracketed ? bracketed.map((id) => id.slice(1, -1).trim()) : value.split(/[\s,]+/);
  return ids.filter((id) => id.length > 0);
}

function firstMessageId(value: string | undefined): string | null {
  return messageIds(value)[0] ?? null;
}

function parseDate(value: string | undefined): string | null {
  if (!value) return null;
  const candidates = [
    value,
    value
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  ];
  for (const candidate of candidates) {
    const date = new Date(candidate);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  return null;
}

function htmlAsText(html: string): string {
  try {
    return htmlToText(html, {
      wordwrap: false,
      selectors: [
        { selector: 'a', options: { ignoreHref: true } },
        { selector: 'img', format: 'skip' },
      ],
    });
  } catch {
    return html.replace(/<[^>]*>/g, ' ');
  }
}

function toAttachment(a: Attachment, keepContent: boolean): MailAttachment {
  const contentId = (a.cid ?? a.contentId ?? '').replace(/^<|>$/g, '').trim();
  const attachment: MailAttachment = {
    filename: a.filename ?? null,
    contentType: a.contentType,
    size: a.size ?? a.content?.length ?? 0,
    disposition: a.contentDisposition === 'inline' ? 'inline' : 'attachment',
    contentId: contentId || null,
  };
  if (keepContent) attachment.content = a.content;
  return attachment;
}

function contentHash(from: string, date: string, subject: string, text: string): string {
  const normalized = [from.toLowerCase(), date, subject.toLowerCase(), text.replace(/\s+/g, ' ').trim()].join('\n');
  return createHash('sha256').update(normalized).digest('hex');
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

// A multipart without a usable boundary yields no parts; the customer's words are still in the raw body.
function rawBody(mime: Buffer): string {
  const head = /\r?\n\r?\n/.exec(mime.subarray(0, 1024 * 1024).toString('latin1'));
  if (!head) return '';
  return normalizeNewlines(mime.subarray(head.index + head[0].length).toString('utf8')).trim();
}

// mailparser inlines an enclosed message/rfc822 part into the text, which hides that a message was returned.
function enclosedPartTypes(mime: Buffer): string[] {
  const sample = mime.subarray(0, 256 * 1024).toString('latin1');
  const types =
    sample.match(
      /^content-type:[ \t]*(?:message\/(?:rfc822|global|delivery-status|feedback-report)|text\/rfc822-headers)/gim,
    ) ?? [];
  return types.map((line) => line.replace(/^content-type:[ \t]*/i, '').toLowerCase());
}

// A bounce names the message it returns in the enclosed headers; mailparser hides them inside text or attachments.
function enclosedMessageIds(mime: Buffer, own: string | null): string[] {
  const sample = mime.subarray(0, 512 * 1024).toString('latin1');
  const start = sample.search(/^content-type:[ \t]*(?:message\/(?:rfc822|global)|text\/rfc822-headers)/im);
  if (start < 0) return [];
  const ids = [...sample.slice(start).matchAll(/^message-id:[ \t]*(?:\r?\n[ \t]+)?<([^<>\s]+)>/gim)].map((m) => m[1]);
  return [...new Set(ids)].filter((id) => id !== own);
}

function rawHeaderValue(mime: Buffer, name: string): Buffer | null {
  const head = mime.subarray(0, 64 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = end >= 0 ? head.slice(0, end) : head;
  const match = new RegExp(`^${name}[ \\t]*:(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(block);
  return match ? Buffer.from(match[1].trim(), 'latin1') : null;
}

function decodeUtf7Body(text: string, contentType: string | undefined): string {
  if (!/charset\s*=\s*"?utf-?7\b/i.test(contentType ?? '')) return text;
  return decodeCharset(Buffer.from(text, 'latin1'), 'utf-7');
}

function isBlank(buffer: Buffer): boolean {
  for (const byte of buffer) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  return true;
}
