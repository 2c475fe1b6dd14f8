import { ImapFlow } from 'imapflow';
import nodemailer, { SendMailOptions } from 'nodemailer';
import { randomBytes } from 'node:crypto';
import { engines } from './engines';

/** A fresh address in Dovecot's catch-all domains: every test gets mailboxes nobody else touches. */
export function uniqueAddress(local: string, domain = 'example.test'): string {
  return `${local}-${randomBytes(4).toString('hex')}@${domain}`;
}

export async function sendMail(message: SendMailOptions) {
  const transport = nodemailer.createTransport({
    host: engines.smtpHost,
    port: engines.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  try {
    return await transport.sendMail(message);
  } finally {
    transport.close();
  }
}

export interface FetchedMail {
  uid: number;
  subject: string;
  messageId: string;
  inReplyTo: string;
  references: string;
  autoSubmitted: string;
  source: string;
}

/** Reads a whole mailbox over IMAP, the way the customer's mail client would. */
export async function readMailbox(address: string, password = engines.catchAllPassword): Promise<FetchedMail[]> {
  const client = new ImapFlow({
    host: engines.imapHost,
    port: engines.imapPort,
    secure: false,
    auth: { user: address, pass: password },
    logger: false,
  });
  await client.connect();
  const lock = await client.getMailboxLock('INBOX');
  const out: FetchedMail[] = [];
  try {
    if ((client.mailbox as { exists: number }).exists > 0) {
      for await (const m of client.fetch('1:*', {
        uid: true,
        envelope: true,
        source: true,
        headers: ['in-reply-to', 'references', 'auto-submitted'],
      })) {
        const headers = m.headers?.toString() ?? '';
        const header = (name: string) =>
          new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im')
            .exec(headers)?.[1]
            .replace(/\r?\n[ \t]+/g, ' ')
            .trim() ?? '';
        out.push({
          uid: m.uid,
          subject: m.envelope?.subject ?? '',
          messageId: m.envelope?.messageId ?? '',
          inReplyTo: header('in-reply-to'),
          references: header('references'),
          autoSubmitted: header('auto-submitted'),
          source: m.source?.toString() ?? '',
        });
      }
    }
  } finally {
    lock.release();
    await client.logout();
  }
  return out;
}
