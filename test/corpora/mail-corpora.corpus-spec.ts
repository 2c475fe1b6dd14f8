// Acceptance of libs/mail against the external corpora in ../shared/data (DRAFTDESK_SHARED_DATA overrides).
// Figures are printed so CI logs carry them; the thresholds are the ones issue 3 sets.
import { existsSync } from 'node:fs';
import {
  evaluateMailCorpora,
  PARSE_TIME_LIMIT_MS,
  resolveDataDir,
  REVIEWED_NOT_AUTOMATED_REPLY,
  REVIEWED_NOT_HUMAN,
} from '../../scripts/eval/mail-corpora.lib';
import type { MailCorporaResult } from '../../scripts/eval/mail-corpora.lib';

const dataDir = resolveDataDir();

describe('mail corpora', () => {
  let result: MailCorporaResult;

  beforeAll(async () => {
    if (!existsSync(dataDir)) throw new Error(`corpora not found at ${dataDir}; set DRAFTDESK_SHARED_DATA`);
    result = await evaluateMailCorpora(dataDir);
    const { robustness, stalwartAgreement: s, replyStripping: r, automatedDetection: a, throughput } = result;
    process.stdout.write(
      `${JSON.stringify({
        messages: robustness.total.messages,
        parsed: robustness.total.parsed,
        quarantined: robustness.total.quarantinedByCode,
        stalwart: { subject: s.subject, from: s.from, to: s.to, text: s.text.rate },
        reply: r.overall,
        recall: a.recall,
        recallAfterReview: a.recallAfterReview.rate,
        falsePositive: a.falsePositive,
        falsePositiveAfterReview: a.falsePositiveAfterReview.rate,
        messagesPerSecond: throughput.messagesPerSecond,
      })}\n`,
    );
  });

  it('parses or quarantines every mime-* and bounces-* message with a reason, without crash or hang', () => {
    const { total, perCorpus } = result.robustness;
    expect(total.messages).toBeGreaterThan(1000);
    expect(total.crashFiles).toEqual([]);
    expect(total.parsed + total.quarantined).toBe(total.messages);
    expect(total.overTimeLimit).toEqual([]);
    expect(Math.max(...total.slowest.map((s) => s.ms))).toBeLessThan(PARSE_TIME_LIMIT_MS);
    for (const corpus of Object.values(perCorpus)) {
      for (const q of corpus.quarantinedFiles) expect(q.reason.length).toBeGreaterThan(0);
    }
  });

  it('agrees with the stalwart golden parses on addresses and subjects, and mostly on text', () => {
    const s = result.stalwartAgreement;
    expect(s.messages).toBeGreaterThan(100);
    expect(s.from.rate).toBeGreaterThanOrEqual(0.99);
    expect(s.to.rate).toBeGreaterThanOrEqual(0.99);
    expect(s.subject.rate).toBeGreaterThanOrEqual(0.95);
    // Remaining text differences are malformed-MIME edge cases where parsers legitimately differ.
    expect(s.text.rate).toBeGreaterThanOrEqual(0.75);
  });

  it('strips replies to the expected text in at least 95% of reply-* cases', () => {
    expect(result.replyStripping.overall.of).toBeGreaterThan(80);
    expect(result.replyStripping.overall.rate).toBeGreaterThanOrEqual(0.95);
  });

  it('recognises every bounce, complaint, auto-reply and challenge in bounces-* (short reviewed exclusion list)', () => {
    const a = result.automatedDetection;
    expect(Object.keys(REVIEWED_NOT_AUTOMATED_REPLY).length).toBeLessThanOrEqual(5);
    const missed = a.missed.map((m) => m.file).filter((f) => !REVIEWED_NOT_AUTOMATED_REPLY[f]);
    expect(missed).toEqual([]);
    expect(a.recallAfterReview.rate).toBe(1);
  });

  it('flags at most 1% of human mail, and only files reviewed as machine-sent', () => {
    const a = result.automatedDetection;
    expect(a.falsePositive.of).toBeGreaterThan(300);
    const unreviewed = a.falsePositiveFiles.map((f) => f.file).filter((f) => !REVIEWED_NOT_HUMAN[f]);
    expect(unreviewed).toEqual([]);
    expect(a.falsePositiveAfterReview.rate).toBeLessThanOrEqual(0.01);
  });
});
