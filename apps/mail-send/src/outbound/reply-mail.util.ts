import { ReplyApprovedPayload } from '@draftdesk/contracts';
import { replyAddress } from '@draftdesk/mail';
import type { SendMailOptions } from 'nodemailer';

const bracket = (id: string) => `<${id.replace(/^<|>$/g, '')}>`;

function quote(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/**
 * The reply as the customer's mail client must see it: our fixed Message-ID, threaded under their message, the
 * customer's text quoted below, and marked as automatic when no person approved it (RFC 3834), so their
 * auto-responders stay quiet.
 */
export function buildReplyMail(reply: ReplyApprovedPayload, from: string, replyTo?: string | null): SendMailOptions {
  const who = reply.to.name ? `${reply.to.name} <${reply.to.address}>` : reply.to.address;
  const quoted = reply.quotedText ? `\n\n${who}:\n${quote(reply.quotedText)}\n` : '\n';
  const headers: Record<string, string> = { 'X-Draftdesk-Draft': reply.draftId };
  if (reply.autoSent) headers['Auto-Submitted'] = 'auto-replied';
  return {
    from,
    ...(replyTo ? { replyTo } : {}),
    to: reply.to.name ? { name: reply.to.name, address: reply.to.address } : reply.to.address,
    subject: reply.subject,
    messageId: bracket(reply.reply.messageId),
    inReplyTo: reply.reply.inReplyTo ? bracket(reply.reply.inReplyTo) : undefined,
    references: reply.reply.references.length ? reply.reply.references.map(bracket).join(' ') : undefined,
    text: `${reply.body.trim()}${quoted}`,
    html: `${paragraphs(reply.body)}${
      reply.quotedText ? `\n<blockquote type="cite">${paragraphs(reply.quotedText)}</blockquote>` : ''
    }`,
    headers,
  };
}

/** 5xx answers are final (unknown user, policy rejection); anything else may work on a later try. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Why a reply did not go out, as the review desk shows it: `smtp_<code>: <server text>` for an SMTP answer (the
 * text names the cause: unknown user, policy, size), else the error's own message.
 */
export function sendFailureReason(error: unknown): string {
  const e = (error ?? {}) as { responseCode?: unknown; response?: unknown; message?: unknown };
  if (typeof e.responseCode === 'number') {
    const text = String(e.response ?? e.message ?? '')
      .replace(new RegExp(`^${e.responseCode}[ -]`), '')
      .trim();
    return `smtp_${e.responseCode}: ${text}`.slice(0, 1000);
  }
  return String(e.message ?? error).slice(0, 1000);
}

/** The sending mailbox's own addresses, when the reply's `mailbox` names one in the mailboxes table. */
export interface MailboxAddresses {
  fromAddress: string | null;
  replyTo: string | null;
}

/** The bare address inside "Name <addr>" (or the string itself). */
export function bareAddress(address: string): string {
  return /<([^>]+)>/.exec(address)?.[1].trim() ?? address.trim();
}

/**
 * From and Reply-To of one reply: the mailbox's own when it has them, else MAIL_FROM. The Reply-To carries the
 * conversation token (support+<token>@…) so the customer's answer finds its conversation even when their client
 * drops In-Reply-To and References.
 */
export function senderAddresses(
  reply: Pick<ReplyApprovedPayload, 'conversationToken'>,
  mailbox: MailboxAddresses | null,
  defaultFrom: string,
) {
  const from = mailbox?.fromAddress ?? defaultFrom;
  const base = mailbox?.replyTo ?? null;
  if (!reply.conversationToken) return { from, replyTo: base };
  const target = bareAddress(base ?? from);
  try {
    const tokenized = replyAddress(target, reply.conversationToken);
    const name = /^\s*"?([^"<]*?)"?\s*</.exec(base ?? from)?.[1]?.trim();
    return { from, replyTo: name ? `${name} <${tokenized}>` : tokenized };
  } catch {
    // A token our own threading would not accept is better left out than put in an address.
    return { from, replyTo: base };
  }
}
