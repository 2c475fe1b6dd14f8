// Reply-stripping evaluation against the expected outputs of reply-* corpora (evaluation only).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convert as htmlToText } from 'html-to-text';
import { simpleParser } from 'mailparser';
import { stripReply } from '@draftdesk/mail';

export type ReplyCase = {
  corpus: string;
  fixture: string;
  oracle: string;
  compare: 'newText' | 'reply' | 'signature';
  expected: string;
  actual: string;
  squash?: boolean;
};

const normaliseReply = (s: string, squash = false) =>
  squash
    ? s.replace(/\s+/g, '')
    : s
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((l) => l.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join('\n');

function replyText(text: string): string {
  const { newText, signature } = stripReply(text);
  return signature ? `${newText}\n${signature}` : newText;
}

function crispAndGithubCases(corpus: string, dir: string): ReplyCase[] {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
    common_first_fragment?: string;
    cases: { fixture: string; upstream_test: string; checks: Record<string, unknown>[] }[];
  };
  const cases: ReplyCase[] = [];
  for (const c of expected.cases) {
    const text = readFileSync(join(dir, c.fixture), 'utf8');
    const hidden = c.checks.find((k) => k.kind === 'hidden_flags')?.value as boolean[] | undefined;
    for (const check of c.checks) {
      let value: string | undefined;
      const kind = check.kind as string;
      if (['parse_reply_equals', 'visible_text_equals', 'visible_text_trimmed_equals'].includes(kind))
        value = check.value as string;
      // Fragment 0 is the whole visible reply only when every later fragment is hidden (quote or signature).
      if ((kind === 'fragment_trimmed_equals' || kind === 'fragment_equals') && check.index === 0) {
        if (!hidden || hidden.slice(1).every(Boolean)) value = check.value as string;
      }
      if (value === undefined) continue;
      const actual = stripReply(text).newText;
      cases.push({
        corpus,
        fixture: `${c.fixture} (${c.upstream_test}:${kind})`,
        oracle: kind,
        compare: 'newText',
        expected: value,
        actual,
      });
    }
  }
  return cases;
}

async function talonCases(dir: string): Promise<{ cases: ReplyCase[]; extra: Record<string, unknown>[] }> {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { cases: Record<string, string>[] };
  const cases: ReplyCase[] = [];
  const extra: Record<string, unknown>[] = [];
  for (const c of expected.cases) {
    const path = join(dir, c.fixture);
    const push = (compare: ReplyCase['compare'], oracle: string, exp: string, actual: string, squash = false) =>
      cases.push({ corpus: 'reply-talon', fixture: c.fixture, oracle, compare, expected: exp, actual, squash });
    if (c.fixture.includes('standard_replies/')) {
      const mail = await simpleParser(readFileSync(path), { skipHtmlToText: true, skipTextToHtml: true });
      // Talon strips quotations only, so its expected reply keeps the signature.
      push('reply', 'expected_reply_text', c.expected_reply_text, replyText(mail.text ?? ''));
    } else if (c.fixture.includes('html_replies/')) {
      push(
        'reply',
        'expected_reply_text (html)',
        c.expected_reply_text,
        replyText(renderHtml(readFileSync(path, 'utf8'))),
        true,
      );
    } else if (c.expected_reply_html !== undefined) {
      // We strip text, not HTML: compare the text of the expected HTML with the reply we extract.
      push(
        'reply',
        'expected_reply_html (as text)',
        renderHtml(c.expected_reply_html),
        replyText(renderHtml(readFileSync(path, 'utf8'))),
        true,
      );
    } else if (c.fixture.endsWith('reply-quotations-share-block.eml')) {
      const reply = replyText(readFileSync(path, 'utf8'));
      extra.push({ fixture: c.fixture, check: c.expected, pass: reply.trim().length > 0 && !reply.includes('From') });
    } else if (c.expected_signature !== undefined) {
      const body = readFileSync(path, 'utf8');
      // Talon's signature extractor is told the sender; ours takes the same hint (parseMail passes From's name).
      const senderName = readFileSync(path.replace(/_body$/, '_sender'), 'utf8').trim();
      const result = stripReply(body, { senderName });
      push('newText', 'expected_text_without_signature', c.expected_text_without_signature, result.newText);
      push('signature', 'expected_signature', c.expected_signature, result.signature ?? '');
    }
  }
  return { cases, extra };
}

function renderHtml(html: string): string {
  return htmlToText(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
    ],
  });
}

export async function replyStripping(dataDir: string) {
  const crisp = crispAndGithubCases('reply-crisp-email-reply-parser', join(dataDir, 'reply-crisp-email-reply-parser'));
  const github = crispAndGithubCases(
    'reply-github-email_reply_parser',
    join(dataDir, 'reply-github-email_reply_parser'),
  );
  const talon = await talonCases(join(dataDir, 'reply-talon'));
  const all = [...crisp, ...github, ...talon.cases];
  const pass = (c: ReplyCase) => normaliseReply(c.expected, c.squash) === normaliseReply(c.actual, c.squash);
  const byCorpus = (corpus: string) => {
    const list = all.filter((c) => c.corpus === corpus);
    const ok = list.filter(pass).length;
    return { exact: ok, of: list.length, rate: list.length ? round(ok / list.length) : null };
  };
  const ok = all.filter(pass).length;
  return {
    normalisation:
      'CRLF/CR -> LF; per line every whitespace run -> one space and trimmed; blank lines dropped. HTML cases (talon html_replies, expected_reply_html) compare with ALL whitespace removed, as upstream does.',
    oracles:
      'crisp/github: parse_reply_equals, visible_text(_trimmed)_equals, and fragment 0 (trimmed) equals when all later fragments are hidden — compared with newText. talon standard/html replies: text before the quotation (newText + signature, as talon strips quotes only). talon signature fixtures: newText vs expected_text_without_signature and signature vs expected_signature.',
    overall: { exact: ok, of: all.length, rate: round(ok / all.length) },
    'reply-crisp-email-reply-parser': byCorpus('reply-crisp-email-reply-parser'),
    'reply-github-email_reply_parser': byCorpus('reply-github-email_reply_parser'),
    'reply-talon': byCorpus('reply-talon'),
    extraChecks: talon.extra,
    failures: all
      .filter((c) => !pass(c))
      .map((c) => ({
        corpus: c.corpus,
        fixture: c.fixture,
        compare: c.compare,
        expected: c.expected.slice(0, 300),
        actual: c.actual.slice(0, 300),
      })),
  };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
