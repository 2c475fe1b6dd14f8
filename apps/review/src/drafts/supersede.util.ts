import type { DraftStatus } from '@draftdesk/contracts';

/** A review item of the conversation, as far as superseding is concerned. */
export interface ConversationItem {
  draftId: string;
  messageId: string;
  /** The `sequence` of the message the draft answers; null for drafts from before messages were numbered. */
  sequence: number | null;
  status: DraftStatus;
}

/** The draft that just arrived, with the status it would get on its own. */
export interface ArrivingDraft {
  draftId: string;
  messageId: string;
  sequence: number | null;
  status: DraftStatus;
}

export type Settlement =
  /** The arriving draft takes its own status; these open drafts are superseded by it (maybe none). */
  | { kind: 'supersedes'; draftIds: string[] }
  /** The arriving draft answers an older message than a draft already here: it is superseded on arrival. */
  | { kind: 'superseded'; by: { draftId: string; messageId: string } };

const OPEN: readonly DraftStatus[] = ['pending', 'redraft_requested'];

export const isOpen = (status: DraftStatus) => OPEN.includes(status);

/**
 * Which draft of a conversation stays open when a new one arrives: the one for the message stored last, because
 * only its draft was written with every other message in its history. Drafts arrive out of order when drafting
 * one message took longer, went through a retry, or was published by another relay replica, so arrival order at
 * the review desk decides only when a message number is missing (drafts from older producers).
 *
 * A draft for automated mail (status `ignored`, no reply) neither supersedes nor counts as newer: an
 * out-of-office is not the customer writing again. Approved (also while `sending`), auto-sent and failed drafts are
 * never superseded: they are being sent or were sent; a draft for an older message than one of them is itself
 * superseded.
 */
export function settle(arriving: ArrivingDraft, items: readonly ConversationItem[]): Settlement {
  const others = items.filter(
    (i) => i.draftId !== arriving.draftId && i.messageId !== arriving.messageId && i.status !== 'ignored',
  );
  if (arriving.sequence !== null) {
    const newer = others
      .filter((i) => i.sequence !== null && i.sequence > arriving.sequence!)
      .sort((a, b) => b.sequence! - a.sequence!)[0];
    if (newer) return { kind: 'superseded', by: { draftId: newer.draftId, messageId: newer.messageId } };
  }
  if (arriving.status === 'ignored') return { kind: 'supersedes', draftIds: [] };
  return { kind: 'supersedes', draftIds: others.filter((i) => isOpen(i.status)).map((i) => i.draftId) };
}
