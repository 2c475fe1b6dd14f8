import type { StrippedReply } from './mail.types';
import {
  CONTACT,
  EMAIL,
  HEADER_ANY,
  HEADER_FROM,
  HEADER_OTHER,
  MOBILE_SIGNATURE,
  ORIGINAL_SEPARATOR,
  RULE,
  SIGNATURE_DELIMITER,
  TIME_OR_YEAR,
  TITLED_RULE,
  VALEDICTION,
  VERB_ATTRIBUTION,
} from './reply-patterns.constants';

export interface StripReplyOptions {
  /** The sender's display name: a short trailing line naming them starts their signature. */
  senderName?: string;
}

const MAX_LINE_FOR_HEADERS = 400;

export function stripReply(text: string, options: StripReplyOptions = {}): StrippedReply {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cut = findQuoteStart(lines);
  if (lines.slice(0, cut).every((l) => !l.trim())) {
    const below = bottomPostStart(lines, cut);
    if (below !== null) {
      const reply = stripReply(lines.slice(below).join('\n'), options);
      const top = lines.slice(cut, below).join('\n').trim();
      return { ...reply, quoted: reply.quoted ? `${top}\n\n${reply.quoted}` : top };
    }
  }
  const head = lines.slice(0, cut);
  const quoted = lines.slice(cut).join('\n').trim();
  const sigStart = findSignatureStart(head, options.senderName);
  const body = sigStart === null ? head : head.slice(0, sigStart);
  const signature = sigStart === null ? null : head.slice(sigStart).join('\n').trim() || null;
  return { newText: body.join('\n').trim(), quoted, signature };
}

// Bottom-posting: the message opens with the attribution and its ">" block, and the answer follows it.
function bottomPostStart(lines: string[], cut: number): number | null {
  let i = cut;
  while (i < lines.length && !/^\s*>/.test(lines[i])) i++;
  if (i - cut > 3) return null;
  while (i < lines.length && (!lines[i].trim() || /^\s*>/.test(lines[i]))) i++;
  return i < lines.length && i > cut ? i : null;
}

function findQuoteStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim() || line.length > MAX_LINE_FOR_HEADERS) continue;
    if (isAttribution(lines, i)) return extendUp(lines, i);
    if (ORIGINAL_SEPARATOR.test(line)) return extendUp(lines, i);
    if (TITLED_RULE.test(line) && HEADER_ANY.test(lines[nextNonBlank(lines, i)] ?? '')) return extendUp(lines, i);
    if (HEADER_ANY.test(line) && isHeaderBlock(lines, i)) return extendUp(lines, i);
    if (/^\s*>/.test(line) && restIsQuoted(lines, i)) return extendUp(lines, i);
  }
  return lines.length;
}

// Attribution lines are often wrapped by the client, so up to three lines are read as one.
function isAttribution(lines: string[], i: number): boolean {
  if (/^\s*>/.test(lines[i])) return false;
  let joined = '';
  for (let n = 0; n < 3 && i + n < lines.length; n++) {
    const part = lines[i + n].trim();
    if (!part) return false;
    joined = n === 0 ? part : `${joined} ${part}`;
    if (joined.length > MAX_LINE_FOR_HEADERS) return false;
    if (VERB_ATTRIBUTION.test(joined)) return true;
    // Headers without a verb ("30.09.2017, 18:30, "Jan" <jan@x.nl>:"): a date, an address, a final colon.
    if (/:\s*$/.test(joined) && EMAIL.test(joined) && TIME_OR_YEAR.test(lines[i]) && !HEADER_ANY.test(lines[i]))
      return true;
    if (/:\s*$/.test(part)) return false;
  }
  return false;
}

// "From:" plus at least two more header fields (To/Sent/Subject/…) in the next lines make a forwarded block.
function isHeaderBlock(lines: string[], start: number): boolean {
  let fields = 0;
  let from = HEADER_FROM.test(lines[start]);
  for (let j = start + 1; j < Math.min(lines.length, start + 8); j++) {
    if (HEADER_FROM.test(lines[j])) from = true;
    if (HEADER_OTHER.test(lines[j]) || HEADER_FROM.test(lines[j])) fields++;
  }
  return from && fields >= 2;
}

// Pull the cut above separator rules and a "Message du : <date>" line that belong to the quote header.
function extendUp(lines: string[], cut: number): number {
  let i = cut;
  for (;;) {
    let j = i - 1;
    while (j >= 0 && !lines[j].trim()) j--;
    if (j < 0) return i;
    if (RULE.test(lines[j]) || (HEADER_ANY.test(lines[j]) && TIME_OR_YEAR.test(lines[j]))) i = j;
    else return i;
  }
}

function nextNonBlank(lines: string[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (lines[j].trim()) return j;
  return -1;
}

// A ">" block is history only when nothing new follows it; interleaved answers stay in the new text.
function restIsQuoted(lines: string[], start: number): boolean {
  for (let j = start; j < lines.length; j++) {
    if (lines[j].trim() && !/^\s*>/.test(lines[j])) return false;
  }
  return true;
}

function findSignatureStart(lines: string[], senderName?: string): number | null {
  let end = lines.length;
  while (end > 0 && !lines[end - 1].trim()) end--;
  const first = lines.findIndex((l) => l.trim().length > 0);
  for (let i = first + 1; i < end; i++) {
    if (SIGNATURE_DELIMITER.test(lines[i])) return i;
  }
  const tail = tailLines(lines, end, 8);
  for (const i of tail) if (i > first && MOBILE_SIGNATURE.test(lines[i])) return i;
  for (const i of [...tail].reverse()) {
    if (i > first && VALEDICTION.test(lines[i]) && followedByShortLines(lines, i, end)) return i;
  }
  const name = senderName?.includes('@') ? undefined : senderName?.trim();
  if (name) {
    const firstName = name.split(/\s+/)[0];
    const pattern = new RegExp(`(?:^|[^\\p{L}])(?:${escape(name)}|${escape(firstName)})(?:[^\\p{L}]|$)`, 'iu');
    for (const i of tail) {
      if (i > first && lines[i].trim().length <= 40 && firstName.length >= 3 && pattern.test(lines[i]))
        return withValediction(lines, i);
    }
  }
  return contactBlockStart(lines, first, end);
}

function tailLines(lines: string[], end: number, count: number): number[] {
  const out: number[] = [];
  for (let i = end - 1; i >= 0 && out.length < count; i--) if (lines[i].trim()) out.unshift(i);
  return out;
}

function followedByShortLines(lines: string[], i: number, end: number): boolean {
  const after = lines.slice(i + 1, end).filter((l) => l.trim());
  return after.length >= 1 && after.length <= 6 && after.every((l) => l.trim().length <= 50);
}

// A sign-off or a separator rule just above the sender's name belongs to the signature.
function withValediction(lines: string[], i: number): number {
  let start = i;
  for (let j = i - 1, seen = 0; j >= 0 && seen < 3; j--) {
    if (!lines[j].trim()) continue;
    seen++;
    if (RULE.test(lines[j])) return j;
    if (seen === 1 && VALEDICTION.test(lines[j])) start = j;
    if (lines[j].trim().length > 40) break;
  }
  return start;
}

// A trailing block of short lines with contact details (mail, phone, web) is a signature even without "--".
function contactBlockStart(lines: string[], first: number, end: number): number | null {
  let best: number | null = null;
  for (let s = end - 1; s > first && end - s <= 24; s--) {
    const line = lines[s].trim();
    if (!line) continue;
    const startsBlock = !lines[s - 1].trim() || RULE.test(line);
    if (!startsBlock) continue;
    const block = lines.slice(s, end).filter((l) => l.trim());
    if (block.length > 12 || block.some((l) => l.trim().length > 60)) break;
    if (!RULE.test(line) && (line.length > 40 || /[?!:]$/.test(line))) continue;
    const hits = CONTACT.filter((re) => block.some((l) => re.test(l))).length;
    if (hits >= 2) best = s;
  }
  return best;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
