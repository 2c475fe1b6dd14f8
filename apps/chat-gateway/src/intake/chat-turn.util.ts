import { InboundPayload } from '@draftdesk/contracts';

/** A buffered message as the quiet-window worker reads it back. */
export interface BufferedMessage {
  externalMessageId: string;
  customer: { id: string; name: string; email: string | null };
  text: string;
  attachments: { url: string; contentType: string | null; filename: string | null }[];
  sentAt: string;
}

/** Chat customers rarely give an address; a stable pseudo-address keeps one customer record per chat identity. */
export function chatCustomerAddress(channelId: string, customer: BufferedMessage['customer']): string {
  return customer.email ?? `chat:${channelId}:${customer.id}`;
}

export function chatEventKey(channelId: string, sessionId: string): string {
  return `chat:${channelId}:${sessionId}`;
}

function filenameOf(attachment: BufferedMessage['attachments'][number]): string | null {
  if (attachment.filename) return attachment.filename;
  try {
    const url = new URL(attachment.url);
    if (!/^https?:$/.test(url.protocol)) return null;
    const last = url.pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : null;
  } catch {
    return null;
  }
}

/**
 * Joins a burst of short messages into one customer turn: the text in the order sent, the first message's id as
 * the turn's identity (each message belongs to exactly one turn, so it is unique) and every id in references.
 */
export function buildTurnPayload(
  channelId: string,
  sessionId: string,
  messages: readonly BufferedMessage[],
  channel: { identityVerified: boolean } = { identityVerified: false },
): InboundPayload {
  if (messages.length === 0) throw new Error('a turn needs at least one message');
  const last = messages[messages.length - 1];
  const named = [...messages].reverse().find((m) => m.customer.name) ?? last;
  const withEmail = [...messages].reverse().find((m) => m.customer.email) ?? last;
  const customer = { ...last.customer, name: named.customer.name, email: withEmail.customer.email };
  const text = messages
    .map((m) => m.text.trim())
    .filter(Boolean)
    .join('\n');
  return {
    channel: 'chat',
    externalMessageId: messages[0].externalMessageId,
    inReplyTo: null,
    references: messages.map((m) => m.externalMessageId),
    from: { address: chatCustomerAddress(channelId, customer), name: customer.name },
    to: [],
    subject: '',
    text,
    newText: text,
    html: null,
    receivedAt: new Date(last.sentAt).toISOString(),
    automated: { automated: false, kind: null, reasons: [] },
    attachments: messages.flatMap((m) =>
      m.attachments.map((a) => ({
        filename: filenameOf(a),
        contentType: a.contentType ?? 'application/octet-stream',
        size: 0,
        disposition: 'attachment' as const,
      })),
    ),
    mailbox: null,
    rawMailId: null,
    chat: { channelId, sessionId },
    identityVerified: channel.identityVerified,
  };
}
