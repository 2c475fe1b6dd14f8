/** What the database holds after a run, as plain rows (see chaos-run.ts for the queries). */
export interface StoredRows {
  conversations: Array<{ id: string; key: string }>;
  inbound: Array<{ id: string; conversationId: string; triaged: boolean }>;
  drafts: Array<{ id: string; messageId: string; decision: string; outboundMessageId: string }>;
}

export interface Expected {
  /** Conversation key (mail sender address or chat session) of every message the harness sent, with its channel. */
  keys: Array<{ key: string; channel: 'email' | 'chat' }>;
  /** Keys whose message the intake acknowledged (2xx / SMTP 250). */
  accepted: Set<string>;
}

export interface Receipts {
  /** Replies at the customer's mail server, by Message-ID without brackets. */
  mail: Map<string, number>;
  /** Replies at the chat provider, by idempotency key (draft id). */
  chat: Map<string, number>;
}

export interface StageTally {
  /** Messages the harness handed to the intake. */
  pushed: number;
  accepted: number;
  conversations: number;
  stored: number;
  triaged: number;
  drafted: number;
  decisions: Record<string, number>;
  /** Drafts the policy let go out without a person: the ones that must reach the customer. */
  autoSend: number;
  delivered: number;
  lost: { stored: number; triaged: number; drafted: number; sent: number };
  duplicated: { conversations: number; messages: number; drafts: number; sentReplies: number };
  /** The duplicated sent replies by channel, to tell the mail sender's window from the chat deliverer's. */
  duplicatedSentBy: { email: number; chat: number };
  /** Replies that reached a customer although their draft was not auto_send, or that match no draft at all. */
  unexpectedReplies: number;
}

const stripBrackets = (id: string) => id.replace(/^<|>$/g, '');

/**
 * Counts each stage of the pipeline per customer conversation: a message is lost at the first stage it did not
 * reach (accepted → stored → triaged → drafted → sent for auto_send drafts), and duplicated when a stage holds
 * it more than once.
 */
export function tallyStages(expected: Expected, rows: StoredRows, receipts: Receipts): StageTally {
  const convsByKey = new Map<string, string[]>();
  for (const c of rows.conversations) convsByKey.set(c.key, [...(convsByKey.get(c.key) ?? []), c.id]);
  const inboundByConv = new Map<string, StoredRows['inbound']>();
  for (const m of rows.inbound)
    inboundByConv.set(m.conversationId, [...(inboundByConv.get(m.conversationId) ?? []), m]);
  const draftsByMessage = new Map<string, StoredRows['drafts']>();
  for (const d of rows.drafts) draftsByMessage.set(d.messageId, [...(draftsByMessage.get(d.messageId) ?? []), d]);

  const t: StageTally = {
    pushed: expected.keys.length,
    accepted: expected.accepted.size,
    conversations: 0,
    stored: 0,
    triaged: 0,
    drafted: 0,
    decisions: {},
    autoSend: 0,
    delivered: 0,
    lost: { stored: 0, triaged: 0, drafted: 0, sent: 0 },
    duplicated: { conversations: 0, messages: 0, drafts: 0, sentReplies: 0 },
    duplicatedSentBy: { email: 0, chat: 0 },
    unexpectedReplies: 0,
  };
  const expectedReplies = new Set<string>();
  for (const { key, channel } of expected.keys) {
    const convs = convsByKey.get(key) ?? [];
    if (convs.length > 0) t.conversations++;
    t.duplicated.conversations += Math.max(0, convs.length - 1);
    const inbound = convs.flatMap((c) => inboundByConv.get(c) ?? []);
    const drafts = inbound.flatMap((m) => draftsByMessage.get(m.id) ?? []);
    t.duplicated.messages += Math.max(0, inbound.length - 1);
    t.duplicated.drafts += Math.max(0, drafts.length - 1);
    if (inbound.length === 0) {
      if (expected.accepted.has(key)) t.lost.stored++;
      continue;
    }
    t.stored++;
    if (!inbound.some((m) => m.triaged)) {
      t.lost.triaged++;
      continue;
    }
    t.triaged++;
    if (drafts.length === 0) {
      t.lost.drafted++;
      continue;
    }
    t.drafted++;
    for (const d of drafts) t.decisions[d.decision] = (t.decisions[d.decision] ?? 0) + 1;
    for (const d of drafts.filter((x) => x.decision === 'auto_send')) {
      t.autoSend++;
      const replyKey = channel === 'email' ? stripBrackets(d.outboundMessageId) : d.id;
      expectedReplies.add(replyKey);
      const n = (channel === 'email' ? receipts.mail : receipts.chat).get(replyKey) ?? 0;
      if (n === 0) t.lost.sent++;
      else t.delivered++;
      t.duplicated.sentReplies += Math.max(0, n - 1);
      t.duplicatedSentBy[channel === 'email' ? 'email' : 'chat'] += Math.max(0, n - 1);
    }
  }
  for (const [key, n] of [...receipts.mail, ...receipts.chat]) if (!expectedReplies.has(key)) t.unexpectedReplies += n;
  return t;
}

/** True when nothing is lost or doubled up to the drafts, and at most `maxSentDuplicates` replies went out twice. */
export function meetsTarget(t: StageTally, maxSentDuplicates: number): boolean {
  const { lost, duplicated } = t;
  return (
    t.accepted === t.pushed &&
    lost.stored + lost.triaged + lost.drafted + lost.sent === 0 &&
    duplicated.conversations + duplicated.messages + duplicated.drafts === 0 &&
    duplicated.sentReplies <= maxSentDuplicates &&
    t.unexpectedReplies === 0
  );
}
