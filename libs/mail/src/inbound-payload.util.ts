import type { InboundPayload } from '@draftdesk/contracts';
import type { ParsedMail } from './mail.types';

/** The support.inbound.v1 payload of a parsed mail; shared by mail-ingest and `draftdesk mail retry`. */
export function toInboundPayload(mail: ParsedMail, source: { rawMailId: string; mailbox: string }): InboundPayload {
  const from = mail.from ?? { address: 'unknown@invalid', name: '' };
  return {
    channel: 'email',
    // Mail without a Message-ID still needs a stable identity: derive it from the content.
    externalMessageId: mail.messageId ?? `${mail.contentHash}@content-hash.invalid`,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    from: { address: from.address || 'unknown@invalid', name: from.name ?? '' },
    to: [...mail.to, ...mail.cc].filter((a) => a.address).map((a) => ({ address: a.address, name: a.name ?? '' })),
    subject: mail.subject,
    text: mail.text,
    newText: mail.newText || mail.text,
    html: mail.html,
    receivedAt: mail.date ?? new Date().toISOString(),
    automated: mail.automated,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      disposition: a.disposition,
    })),
    mailbox: source.mailbox,
    rawMailId: source.rawMailId,
    chat: null,
    ...(mail.automated.kind === 'bounce' && mail.enclosedMessageIds.length > 0
      ? { bouncedMessageIds: mail.enclosedMessageIds }
      : {}),
  };
}
