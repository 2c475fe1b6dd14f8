import { Expected, meetsTarget, Receipts, StoredRows, tallyStages } from './chaos-tally';

const keys: Expected['keys'] = [
  { key: 'a@example.test', channel: 'email' },
  { key: 'web:s1', channel: 'chat' },
];
const allAccepted = () => new Set(keys.map((k) => k.key));

/** A run where both messages went all the way: one conversation, message, triage, auto_send draft and reply each. */
function complete(): { rows: StoredRows; receipts: Receipts } {
  return {
    rows: {
      conversations: [
        { id: 'c1', key: 'a@example.test' },
        { id: 'c2', key: 'web:s1' },
      ],
      inbound: [
        { id: 'm1', conversationId: 'c1', triaged: true },
        { id: 'm2', conversationId: 'c2', triaged: true },
      ],
      drafts: [
        { id: 'd1', messageId: 'm1', decision: 'auto_send', outboundMessageId: '<r1@replies.shop.test>' },
        { id: 'd2', messageId: 'm2', decision: 'auto_send', outboundMessageId: '<r2@replies.shop.test>' },
      ],
    },
    receipts: { mail: new Map([['r1@replies.shop.test', 1]]), chat: new Map([['d2', 1]]) },
  };
}

describe('tallyStages', () => {
  it('counts a complete run with nothing lost or doubled', () => {
    const { rows, receipts } = complete();
    const t = tallyStages({ keys, accepted: allAccepted() }, rows, receipts);
    expect(t).toMatchObject({
      pushed: 2,
      accepted: 2,
      conversations: 2,
      stored: 2,
      triaged: 2,
      drafted: 2,
      autoSend: 2,
      delivered: 2,
      unexpectedReplies: 0,
    });
    expect(t.lost).toEqual({ stored: 0, triaged: 0, drafted: 0, sent: 0 });
    expect(t.duplicated).toEqual({ conversations: 0, messages: 0, drafts: 0, sentReplies: 0 });
    expect(meetsTarget(t, 1)).toBe(true);
  });

  type Case = [string, (r: ReturnType<typeof complete>) => void, Partial<{ lost: object; duplicated: object }>, object];
  const cases: Case[] = [
    [
      'an accepted mail never stored is lost at "stored"',
      (r) => {
        r.rows.conversations.shift();
        r.rows.inbound.shift();
        r.rows.drafts.shift();
      },
      { lost: { stored: 1, triaged: 0, drafted: 0, sent: 0 } },
      { stored: 1 },
    ],
    [
      'a stored message without triage is lost at "triaged"',
      (r) => {
        r.rows.inbound[1].triaged = false;
        r.rows.drafts.pop();
      },
      { lost: { stored: 0, triaged: 1, drafted: 0, sent: 0 } },
      { triaged: 1 },
    ],
    [
      'a triaged message without a draft is lost at "drafted"',
      (r) => {
        r.rows.drafts.pop();
      },
      { lost: { stored: 0, triaged: 0, drafted: 1, sent: 0 } },
      { drafted: 1, autoSend: 1 },
    ],
    [
      'an auto_send draft whose reply never arrived is lost at "sent"',
      (r) => {
        r.receipts.chat.clear();
      },
      { lost: { stored: 0, triaged: 0, drafted: 0, sent: 1 } },
      { delivered: 1 },
    ],
    [
      'a reply that arrived twice is a duplicate sent reply',
      (r) => {
        r.receipts.mail.set('r1@replies.shop.test', 2);
      },
      { duplicated: { conversations: 0, messages: 0, drafts: 0, sentReplies: 1 } },
      { delivered: 2 },
    ],
    [
      'a second conversation for one customer is a duplicate conversation (and its message a duplicate message)',
      (r) => {
        r.rows.conversations.push({ id: 'c3', key: 'web:s1' });
        r.rows.inbound.push({ id: 'm3', conversationId: 'c3', triaged: true });
      },
      { duplicated: { conversations: 1, messages: 1, drafts: 0, sentReplies: 0 } },
      { conversations: 2 },
    ],
    [
      'two drafts for one message are a duplicate draft',
      (r) => {
        r.rows.drafts.push({
          id: 'd3',
          messageId: 'm1',
          decision: 'review',
          outboundMessageId: '<r3@replies.shop.test>',
        });
      },
      { duplicated: { conversations: 0, messages: 0, drafts: 1, sentReplies: 0 } },
      { decisions: { auto_send: 2, review: 1 } },
    ],
    [
      'a draft held for review needs no reply',
      (r) => {
        r.rows.drafts[1].decision = 'review';
        r.receipts.chat.clear();
      },
      { lost: { stored: 0, triaged: 0, drafted: 0, sent: 0 } },
      { autoSend: 1, delivered: 1 },
    ],
    [
      'a reply for a draft held for review is unexpected',
      (r) => {
        r.rows.drafts[1].decision = 'review';
      },
      {},
      { unexpectedReplies: 1 },
    ],
  ];

  it.each(cases)('%s', (_name, mutate, expectedLossAndDup, expectedCounts) => {
    const r = complete();
    mutate(r);
    const t = tallyStages({ keys, accepted: allAccepted() }, r.rows, r.receipts);
    expect(t).toMatchObject({ ...expectedLossAndDup, ...expectedCounts });
  });

  it('does not count a message the intake never acknowledged as lost', () => {
    const r = complete();
    r.rows.conversations.shift();
    r.rows.inbound.shift();
    r.rows.drafts.shift();
    const t = tallyStages({ keys, accepted: new Set(['web:s1']) }, r.rows, r.receipts);
    expect(t.lost.stored).toBe(0);
    expect(t.accepted).toBe(1);
    expect(meetsTarget(t, 1)).toBe(false);
  });

  it.each([
    [0, 1, true],
    [1, 1, true],
    [2, 1, false],
  ])('meetsTarget with %i duplicate sent replies and %i allowed: %s', (dups, allowed, ok) => {
    const r = complete();
    r.receipts.mail.set('r1@replies.shop.test', 1 + dups);
    expect(meetsTarget(tallyStages({ keys, accepted: allAccepted() }, r.rows, r.receipts), allowed)).toBe(ok);
  });
});
