import { ImapFlow } from 'imapflow';

/** Where copies of sent replies go: the mailbox's Sent folder over IMAP. */
export interface SentCopyTarget {
  host: string;
  port: number;
  tls: 'tls' | 'starttls' | 'plain';
  user: string;
  password: string;
  folder: string;
}

/**
 * Appends the exact bytes that went out, marked \\Seen, so the shop's mail client shows the reply in Sent as if a
 * person had sent it. One short connection per copy: replies are few, and a long-lived one would count against
 * the server's per-user connection limit next to mail-ingest's.
 */
export async function appendSentCopy(
  target: SentCopyTarget,
  raw: Buffer,
  options: { rejectUnauthorized: boolean },
): Promise<void> {
  const client = new ImapFlow({
    host: target.host,
    port: target.port,
    secure: target.tls === 'tls',
    ...(target.tls === 'starttls' ? { doSTARTTLS: true } : target.tls === 'plain' ? { doSTARTTLS: false } : {}),
    auth: { user: target.user, pass: target.password },
    logger: false,
    tls: { rejectUnauthorized: options.rejectUnauthorized },
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.append(target.folder, raw, ['\\Seen']).catch(async (error: Error) => {
      // Fresh accounts often have no Sent folder yet: create it once and try again.
      await client.mailboxCreate(target.folder).catch(() => undefined);
      const again = await client.append(target.folder, raw, ['\\Seen']);
      if (!again) throw error;
    });
  } finally {
    await client.logout().catch(() => client.close());
  }
}
