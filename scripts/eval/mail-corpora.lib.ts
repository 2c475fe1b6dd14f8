// Evaluates libs/mail against the external corpora in shared/data (evaluation only: nothing here is copied
// into the repository or used to tune a shipped model). Used by scripts/eval/mail-corpora.ts, the corpus
// tests (test/corpora/mail-corpora.corpus-spec.ts) and bench/mail-ingest.bench.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MailParseError, parseMail } from '@draftdesk/mail';
import type { ParsedMail } from '@draftdesk/mail';
import { replyStripping } from './mail-reply-corpora.lib';

export const PARSE_TIME_LIMIT_MS = 10_000;
export const SLOW_MS = 2_000;

export type Outcome = {
  file: string;
  ms: number;
  mail?: ParsedMail;
  error?: { code: string; message: string };
  crash?: string;
};

/** --data, else $DRAFTDESK_SHARED_DATA, else <repo>/../shared/data. */
export function resolveDataDir(explicit?: string): string {
  return resolve(explicit ?? process.env.DRAFTDESK_SHARED_DATA ?? join(__dirname, '..', '..', '..', 'shared', 'data'));
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

// Which files are messages, per each corpus's SOURCE.md.
export const MESSAGE_SELECTORS: Record<string, (path: string) => boolean> = {
  'mime-enmime': (p) => p.endsWith('.raw'),
  'mime-flanker': (p) => p.endsWith('.eml'),
  'mime-mail-gem': (p) => p.endsWith('.eml'),
  'mime-mime4j': (p) => p.endsWith('.msg'),
  'mime-nodemailer-mailparser': (p) => p.endsWith('.eml'),
  'mime-stalwart-mail-parser': (p) => p.endsWith('.eml'),
  'mime-zbateson': (p) => /\/tests\/_data\/emails\/[^/]+\.txt$/.test(p),
  'bounces-sisimai': (p) => p.endsWith('.eml'),
  'bounces-perl-bounceparser': (p) => p.endsWith('.msg'),
  'bounces-ruby-bounce_email': (p) => p.endsWith('.txt'),
};

export const MIME_CORPORA = Object.keys(MESSAGE_SELECTORS).filter((c) => c.startsWith('mime-'));
export const BOUNCE_CORPORA = Object.keys(MESSAGE_SELECTORS).filter((c) => c.startsWith('bounces-'));

export function corpusFiles(dataDir: string, corpus: string): string[] {
  return walk(join(dataDir, corpus)).filter((p) => MESSAGE_SELECTORS[corpus](p));
}

export async function parseFile(file: string, timeoutMs = PARSE_TIME_LIMIT_MS): Promise<Outcome> {
  const raw = readFileSync(file);
  const started = performance.now();
  try {
    const mail = await parseMail(raw, { timeoutMs, ownDomains: ['draftdesk.test'] });
    return { file, ms: performance.now() - started, mail };
  } catch (error) {
    const ms = performance.now() - started;
    if (error instanceof MailParseError) return { file, ms, error: { code: error.code, message: error.message } };
    return { file, ms, crash: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

export async function parseCorpus(
  dataDir: string,
  corpus: string,
  log: (line: string) => void = () => undefined,
): Promise<Outcome[]> {
  const files = corpusFiles(dataDir, corpus);
  const outcomes: Outcome[] = [];
  for (const [i, file] of files.entries()) {
    outcomes.push(await parseFile(file));
    if ((i + 1) % 50 === 0 || i + 1 === files.length) log(`  ${corpus}: ${i + 1}/${files.length}`);
  }
  return outcomes;
}

export function robustness(dataDir: string, outcomes: Outcome[]) {
  const quarantined = outcomes.filter((o) => o.error);
  const crashes = outcomes.filter((o) => o.crash);
  const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
  return {
    messages: outcomes.length,
    parsed: outcomes.filter((o) => o.mail).length,
    quarantined: quarantined.length,
    quarantinedByCode: countBy(quarantined.map((o) => o.error!.code)),
    quarantinedFiles: quarantined.map((o) => ({
      file: relative(dataDir, o.file),
      code: o.error!.code,
      reason: o.error!.message,
    })),
    crashes: crashes.length,
    crashFiles: crashes.map((o) => ({ file: relative(dataDir, o.file), error: o.crash })),
    overTimeLimit: outcomes
      .filter((o) => o.ms > SLOW_MS)
      .map((o) => ({ file: relative(dataDir, o.file), ms: Math.round(o.ms) })),
    slowest: slowest.map((o) => ({ file: relative(dataDir, o.file), ms: Math.round(o.ms) })),
  };
}

// ---- 2. agreement with stalwart golden parses ----------------------------------------------------------------

type GoldenPart = {
  headers: { name: unknown; value: Record<string, unknown> }[];
  body: Record<string, unknown> | string;
};
type Golden = { text_body: number[]; parts: GoldenPart[] };

const collapse = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

function goldenHeader(part: GoldenPart, name: string): Record<string, unknown> | undefined {
  return part.headers.find((h) => h.name === name)?.value;
}

function goldenAddresses(value: Record<string, unknown> | undefined): string[] {
  const address = value?.Address as Record<string, unknown> | undefined;
  if (!address) return [];
  const list = (address.List ?? []) as { address?: string }[];
  const groups = (address.Group ?? []) as { addresses?: { address?: string }[] }[];
  return [...list, ...groups.flatMap((g) => g.addresses ?? [])]
    .map((a) => (a.address ?? '').toLowerCase())
    .filter(Boolean);
}

export function stalwartAgreement(dataDir: string, outcomes: Outcome[]) {
  const fields = { subject: [0, 0], from: [0, 0], to: [0, 0], text: [0, 0] };
  const mismatches: Record<string, { file: string; expected: string; actual: string }[]> = {
    subject: [],
    from: [],
    to: [],
    text: [],
  };
  const check = (field: keyof typeof fields, file: string, expected: string, actual: string) => {
    fields[field][1]++;
    if (expected === actual) fields[field][0]++;
    else
      mismatches[field].push({
        file: relative(dataDir, file),
        expected: expected.slice(0, 160),
        actual: actual.slice(0, 160),
      });
  };
  let skippedText = 0;
  for (const o of outcomes) {
    const golden = JSON.parse(readFileSync(o.file.replace(/\.eml$/, '.json'), 'utf8')) as Golden;
    const root = golden.parts[0];
    const mail = o.mail;
    const subject = (goldenHeader(root, 'subject')?.Text as string | undefined) ?? '';
    const from = goldenAddresses(goldenHeader(root, 'from'))[0] ?? '';
    const to = goldenAddresses(goldenHeader(root, 'to')).join(',');
    check('subject', o.file, collapse(subject), collapse(mail?.subject ?? ''));
    check('from', o.file, from, (mail?.from?.address ?? '').toLowerCase());
    check('to', o.file, to, (mail?.to ?? []).map((a) => a.address.toLowerCase()).join(','));
    const bodies = golden.text_body.map((i) => golden.parts[i].body);
    // Golden text of HTML-only parts is the other parser's own HTML rendering: not comparable, so skipped.
    if (bodies.length === 0 || !bodies.every((b) => typeof b === 'object' && typeof b.Text === 'string')) {
      skippedText++;
      continue;
    }
    check(
      'text',
      o.file,
      collapse(bodies.map((b) => (b as { Text: string }).Text).join('\n')),
      collapse(mail?.text ?? ''),
    );
  }
  const rate = ([ok, n]: number[]) => ({ agree: ok, of: n, rate: n ? round(ok / n) : null });
  return {
    messages: outcomes.length,
    normalisation:
      'subject/text: Unicode NFC, every whitespace run -> one space, trimmed; addresses lower-cased, "to" compared as the ordered list; text compared only where every golden text_body part is plain text (HTML-only bodies skipped)',
    subject: rate(fields.subject),
    from: rate(fields.from),
    to: rate(fields.to),
    text: { ...rate(fields.text), skippedHtmlOrBinaryBodies: skippedText },
    mismatches,
  };
}

// ---- 4. automated-mail detection ------------------------------------------------------------------------------

// Files read by hand after the structural filters below; listed so the adjusted figures can be checked.
export const REVIEWED_NOT_AUTOMATED_REPLY: Record<string, string> = {
  'bounces-perl-bounceparser/t/corpus/spam-bogus-email-in-report.msg':
    'plain spam from a person-looking sender, no report inside',
  'bounces-perl-bounceparser/t/corpus/spam-lots-of-bogus-addresses.msg': 'plain spam, no report inside',
  'bounces-perl-bounceparser/t/corpus/spam-with-image.msg': 'plain spam, no report inside',
  'bounces-perl-bounceparser/t/corpus/spam-with-badly-parsed-email.msg': 'plain spam, no upstream label',
  'bounces-sisimai/set-of-emails/maildir/bsd/lhost-sendmail-14.eml':
    'a person forwarding a bounce ("Fwd: Returned mail")',
};
export const REVIEWED_NOT_HUMAN: Record<string, string> = {
  'mime-enmime/testdata/mail/ctype-bug.raw': 'service welcome mail sent via a bounce-handling envelope',
  'mime-mail-gem/spec/fixtures/emails/error_emails/encoding_madness.eml': 'eBay notification from a no-reply address',
  'mime-mail-gem/spec/fixtures/emails/plain_emails/raw_email_trailing_dot.eml':
    'helpdesk ticket notification from a no-reply address',
  'mime-mime4j/core/src/test/resources/mimetools-testmsgs/badbound.msg':
    'a real bounce ("Mail System Error - Returned Mail" from postmaster)',
  'mime-nodemailer-mailparser/test/fixtures/spam.eml': 'spam from a no-reply address',
  'mime-flanker/tests/fixtures/messages/long-links.eml': 'test message sent by postmaster',
};

const NOT_HUMAN_FOLDERS = /\/(bounce|complaints|spam|multipart_report_emails|dsn)\//;

function isHumanByStructure(o: Outcome): boolean {
  if (!o.mail || NOT_HUMAN_FOLDERS.test(o.file)) return false;
  const h = o.mail.headers;
  if (/multipart\/report/i.test(h['content-type'] ?? '')) return false;
  if (h['list-id'] !== undefined || h['list-unsubscribe'] !== undefined) return false;
  if (/^(bulk|list|junk)$/i.test((h['precedence'] ?? '').trim())) return false;
  return true;
}

export function automatedDetection(dataDir: string, bounceOutcomes: Outcome[], mimeOutcomes: Outcome[]) {
  const positives = bounceOutcomes.filter((o) => !/\/maildir\/not\//.test(o.file));
  const negatives = bounceOutcomes.filter((o) => /\/maildir\/not\//.test(o.file));
  const recognised = positives.filter((o) => o.mail?.automated.automated);
  const missed = positives.filter((o) => !o.mail?.automated.automated);
  const human = mimeOutcomes.filter(isHumanByStructure);
  const falsePositives = human.filter((o) => o.mail!.automated.automated);
  const reviewedPositives = positives.filter((o) => !REVIEWED_NOT_AUTOMATED_REPLY[relative(dataDir, o.file)]);
  const reviewedRecognised = reviewedPositives.filter((o) => o.mail?.automated.automated).length;
  const reviewedHuman = human.filter((o) => !REVIEWED_NOT_HUMAN[relative(dataDir, o.file)]);
  const reviewedFalsePositives = reviewedHuman.filter((o) => o.mail!.automated.automated).length;
  const perCorpus: Record<string, unknown> = {};
  for (const corpus of ['bounces-sisimai', 'bounces-perl-bounceparser', 'bounces-ruby-bounce_email']) {
    const list = positives.filter((o) => relative(dataDir, o.file).startsWith(corpus));
    const ok = list.filter((o) => o.mail?.automated.automated).length;
    perCorpus[corpus] = { recognised: ok, of: list.length, rate: round(ok / list.length) };
  }
  return {
    positives:
      'every message in bounces-* except sisimai maildir/not (bounces, DSNs incl. delay/success, ARF complaints, vacation auto-replies, challenge-response robots: all machine-sent, none may be answered)',
    recall: {
      recognised: recognised.length,
      of: positives.length,
      rate: round(recognised.length / positives.length),
      perCorpus,
    },
    recallAfterReview: {
      recognised: reviewedRecognised,
      of: reviewedPositives.length,
      rate: round(reviewedRecognised / reviewedPositives.length),
      excluded: REVIEWED_NOT_AUTOMATED_REPLY,
    },
    kinds: countBy(recognised.map((o) => o.mail!.automated.kind ?? 'none')),
    missed: missed.map((o) => ({ file: relative(dataDir, o.file), subject: o.mail?.subject, error: o.error?.code })),
    sisimaiNotBounce: negatives.map((o) => ({ file: relative(dataDir, o.file), automated: o.mail?.automated })),
    humanDefinition:
      'parsed messages from mime-* corpora, excluding folders labelled bounce/complaints/spam/multipart_report_emails/dsn, top-level multipart/report, any List-Id/List-Unsubscribe header, Precedence bulk/list/junk (structural labels, independent of the subject/sender heuristics under test)',
    falsePositive: {
      flagged: falsePositives.length,
      of: human.length,
      rate: round(falsePositives.length / human.length),
    },
    falsePositiveAfterReview: {
      flagged: reviewedFalsePositives,
      of: reviewedHuman.length,
      rate: round(reviewedFalsePositives / reviewedHuman.length),
      excluded: REVIEWED_NOT_HUMAN,
    },
    falsePositiveFiles: falsePositives.map((o) => ({
      file: relative(dataDir, o.file),
      kind: o.mail!.automated.kind,
      reasons: o.mail!.automated.reasons,
      subject: o.mail!.subject,
    })),
  };
}

export function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

export function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Everything scripts/eval/mail-corpora.ts reports, computed once. */
export async function evaluateMailCorpora(dataDir: string, log: (line: string) => void = () => undefined) {
  const outcomes: Record<string, Outcome[]> = {};
  log('1. parsing every message');
  for (const corpus of [...MIME_CORPORA, ...BOUNCE_CORPORA]) outcomes[corpus] = await parseCorpus(dataDir, corpus, log);
  const mime = MIME_CORPORA.flatMap((c) => outcomes[c]);
  const bounces = BOUNCE_CORPORA.flatMap((c) => outcomes[c]);
  const everything = [...mime, ...bounces];
  const r = (o: Outcome[]) => robustness(dataDir, o);
  const totals = r(everything);
  log('2. stalwart golden parses');
  const stalwart = stalwartAgreement(dataDir, outcomes['mime-stalwart-mail-parser']);
  log('3. reply stripping');
  const replies = await replyStripping(dataDir);
  log('4. automated detection');
  const automated = automatedDetection(dataDir, bounces, mime);
  const totalMs = everything.reduce((sum, o) => sum + o.ms, 0);
  return {
    generatedAt: new Date().toISOString(),
    node: process.version,
    dataDir,
    robustness: {
      timeLimitMs: PARSE_TIME_LIMIT_MS,
      slowThresholdMs: SLOW_MS,
      total: {
        messages: totals.messages,
        parsed: totals.parsed,
        quarantined: totals.quarantined,
        quarantinedByCode: totals.quarantinedByCode,
        crashes: totals.crashes,
        crashFiles: totals.crashFiles,
        overTimeLimit: totals.overTimeLimit,
        slowest: totals.slowest,
      },
      perCorpus: Object.fromEntries(Object.entries(outcomes).map(([c, o]) => [c, r(o)])),
    },
    stalwartAgreement: stalwart,
    replyStripping: replies,
    automatedDetection: automated,
    throughput: {
      messages: everything.length,
      seconds: round(totalMs / 1000),
      messagesPerSecond: Math.round((everything.length / totalMs) * 1000 * 10) / 10,
      note: 'sequential parseMail calls in one Node process (one core), wall time around each call, all mime-* and bounces-* messages',
    },
  };
}

export type MailCorporaResult = Awaited<ReturnType<typeof evaluateMailCorpora>>;
