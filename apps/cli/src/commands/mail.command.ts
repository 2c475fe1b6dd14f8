import { createEvent, Topics } from '@draftdesk/contracts';
import { inPgTransaction, pgRows } from '@draftdesk/database';
import { MailParseError, parseMail, toInboundPayload } from '@draftdesk/mail';
import { OutboxService } from '@draftdesk/messaging';
import { Client } from 'pg';
import { databaseConfigShape, EX_CONFIG, loadCommandConfig } from '@draftdesk/config';
import { z } from 'zod';
import { gunzipSync } from 'node:zlib';
import { EntityManager } from 'typeorm';
import { MAIL_INGEST_PRODUCER, RawMailRepository, SqlRunner } from '../../../mail-ingest/src';

const USAGE = `usage: draftdesk mail retry <raw-mail-id> | --all   (DATABASE_URL from the environment)
  Re-parses quarantined raw mail; what now parses is accepted and its inbound event written to the outbox
  (mail-ingest's relay publishes it). Set MESSAGE_ID_DOMAIN to recognise our own mail coming back.`;

export type RetryOutcome = {
  id: string;
  outcome: 'accepted' | 'duplicate' | 'still-quarantined' | 'not-quarantined';
  reason?: string;
};

const mailConfigShape = { ...databaseConfigShape, MESSAGE_ID_DOMAIN: z.string().optional() };

/**
 * `draftdesk mail retry …`: exit 0 when everything retried now parses, 1 when some stay quarantined, 2 on usage errors,
 * 78 on a bad configuration.
 */
export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [sub, ...rest] = argv;
  const all = rest.includes('--all');
  const ids = rest.filter((a) => !a.startsWith('-'));
  if (sub !== 'retry' || (!all && ids.length === 0) || rest.includes('--help')) {
    process.stderr.write(`${USAGE}\n`);
    return rest.includes('--help') ? 0 : 2;
  }
  const config = loadCommandConfig('draftdesk mail', mailConfigShape, env);
  if (!config) return EX_CONFIG;
  const client = new Client({ connectionString: config.DATABASE_URL });
  await client.connect();
  try {
    const results = await retryQuarantined(
      client,
      all ? 'all' : ids,
      config.MESSAGE_ID_DOMAIN ? [config.MESSAGE_ID_DOMAIN] : [],
    );
    for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
    return results.some((r) => r.outcome === 'still-quarantined' || r.outcome === 'not-quarantined') ? 1 : 0;
  } finally {
    await client.end();
  }
}

/** One transaction per message, with the row locked, so two retries (or a retry and mail-ingest) never race. */
export async function retryQuarantined(
  client: Client,
  which: string[] | 'all',
  ownDomains: string[],
): Promise<RetryOutcome[]> {
  const db = pgRows(client);
  const rawMails = new RawMailRepository(db);
  const ids = which === 'all' ? await rawMails.quarantinedIds(db) : which;
  const results: RetryOutcome[] = [];
  for (const id of ids) results.push(await inPgTransaction(client, () => retryOne(db, rawMails, id, ownDomains)));
  return results;
}

async function retryOne(
  db: SqlRunner,
  rawMails: RawMailRepository,
  id: string,
  ownDomains: string[],
): Promise<RetryOutcome> {
  const row = await rawMails.lockForRetry(db, id);
  if (!row || row.status !== 'quarantined')
    return { id, outcome: 'not-quarantined', reason: !row ? 'no such raw mail' : `status is ${row.status}` };
  const { mailbox, source_gz } = row;
  let mail;
  try {
    mail = await parseMail(gunzipSync(source_gz), { ownDomains });
  } catch (error) {
    const reason =
      error instanceof MailParseError ? `${error.code}: ${error.message}` : `UNPARSEABLE: ${(error as Error).message}`;
    await rawMails.recordParseError(db, id, reason);
    return { id, outcome: 'still-quarantined', reason };
  }
  const seen = await rawMails.findAccepted(db, mailbox, mail.messageId, mail.contentHash, id);
  const status = seen ? 'duplicate' : 'accepted';
  await rawMails.markRetried(db, id, status, mail.messageId, mail.contentHash);
  if (status === 'accepted') {
    const payload = toInboundPayload(mail, { rawMailId: id, mailbox });
    // mail-ingest's outbox relay publishes only rows of its own producer name.
    const event = createEvent(Topics.inbound, {
      producer: MAIL_INGEST_PRODUCER,
      conversationId: null,
      key: payload.from.address.toLowerCase(),
      payload,
    });
    await new OutboxService().add(db as EntityManager, event);
  }
  return { id, outcome: status };
}
