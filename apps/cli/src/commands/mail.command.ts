import { createEvent, Topics } from '@draftdesk/contracts';
import { MailParseError, parseMail, toInboundPayload } from '@draftdesk/mail';
import { Client } from 'pg';
import { databaseConfigShape, EX_CONFIG, loadCommandConfig } from '@draftdesk/config';
import { z } from 'zod';
import { gunzipSync } from 'node:zlib';

const USAGE = `usage: draftdesk mail retry <raw-mail-id> | --all   (DATABASE_URL from the environment)
  Re-parses quarantined raw mail; what now parses is accepted and its inbound event written to the outbox
  (mail-ingest's relay publishes it). Set MESSAGE_ID_DOMAIN to recognise our own mail coming back.`;

/** Must match mail-ingest's producer name: its outbox relay publishes only its own rows. */
const PRODUCER = 'mail-ingest';

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
  const { rows } =
    which === 'all'
      ? await client.query<{ id: string }>(`SELECT id FROM raw_mails WHERE status = 'quarantined' ORDER BY created_at`)
      : { rows: which.map((id) => ({ id })) };
  const results: RetryOutcome[] = [];
  for (const { id } of rows) results.push(await retryOne(client, id, ownDomains));
  return results;
}

async function retryOne(client: Client, id: string, ownDomains: string[]): Promise<RetryOutcome> {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ mailbox: string; source_gz: Buffer; status: string }>(
      `SELECT mailbox, source_gz, status FROM raw_mails WHERE id::text = $1 FOR UPDATE`,
      [id],
    );
    if (rows.length === 0 || rows[0].status !== 'quarantined') {
      await client.query('ROLLBACK');
      return {
        id,
        outcome: 'not-quarantined',
        reason: rows.length === 0 ? 'no such raw mail' : `status is ${rows[0].status}`,
      };
    }
    const { mailbox, source_gz } = rows[0];
    let mail;
    try {
      mail = await parseMail(gunzipSync(source_gz), { ownDomains });
    } catch (error) {
      const reason =
        error instanceof MailParseError
          ? `${error.code}: ${error.message}`
          : `UNPARSEABLE: ${(error as Error).message}`;
      await client.query(`UPDATE raw_mails SET error = $2 WHERE id = $1`, [id, reason]);
      await client.query('COMMIT');
      return { id, outcome: 'still-quarantined', reason };
    }
    const { rows: seen } = await client.query(
      `SELECT 1 FROM raw_mails WHERE mailbox = $1 AND status = 'accepted' AND id <> $2
          AND (($3::text IS NOT NULL AND message_id = $3) OR ($3::text IS NULL AND content_hash = $4)) LIMIT 1`,
      [mailbox, id, mail.messageId, mail.contentHash],
    );
    const status = seen.length > 0 ? 'duplicate' : 'accepted';
    await client.query(
      `UPDATE raw_mails SET status = $2, error = NULL, message_id = $3, content_hash = $4 WHERE id = $1`,
      [id, status, mail.messageId, mail.contentHash],
    );
    if (status === 'accepted') {
      const payload = toInboundPayload(mail, { rawMailId: id, mailbox });
      const event = createEvent(Topics.inbound, {
        producer: PRODUCER,
        conversationId: null,
        key: payload.from.address.toLowerCase(),
        payload,
      });
      await client.query(`INSERT INTO outbox (id, producer, topic, key, value) VALUES ($1, $2, $3, $4, $5)`, [
        event.id,
        event.producer,
        event.topic,
        event.key,
        JSON.stringify(event),
      ]);
    }
    await client.query('COMMIT');
    return { id, outcome: status };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
