import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { run } from '../../apps/cli/src/commands/mail.command';
import { createTestDatabase, TestDatabase } from '../support/database';
import { testMessage } from './mail-test.util';

/** `draftdesk mail retry`: quarantined raw mail that parses now (say, after a parser fix) becomes an inbound event. */
describe('draftdesk mail retry', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('mail_retry');
  });

  afterAll(async () => {
    await db?.drop();
  });

  async function quarantine(raw: string | Buffer, status = 'quarantined') {
    const id = randomUUID();
    await db.query(
      `INSERT INTO raw_mails (id, mailbox, folder, uid_validity, uid, message_id, content_hash, size, source_gz, status, error)
       VALUES ($1, 'support@shop.test', 'INBOX', NULL, NULL, NULL, $2, $3, $4, $5, 'UNPARSEABLE: old parser')`,
      [id, id, Buffer.byteLength(raw), gzipSync(raw), status],
    );
    return id;
  }

  const outbox = () =>
    db.query<{ value: { payload: { rawMailId: string; externalMessageId: string } } }>(
      `SELECT value FROM outbox WHERE producer = 'mail-ingest'`,
    );

  it.each<[string, () => Promise<string[]>, number, Record<string, string>]>([
    ['one id that now parses', async () => [await quarantine(testMessage(1, 'retry').raw)], 0, { 0: 'accepted' }],
    [
      'one id that still does not',
      async () => [await quarantine(Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 1]))],
      1,
      { 0: 'quarantined' },
    ],
    [
      'a mail already accepted under another row',
      async () => [await quarantine(testMessage(1, 'retry').raw)],
      0,
      { 0: 'duplicate' },
    ],
    [
      'an id that is not quarantined',
      async () => [await quarantine(testMessage(2, 'retry').raw, 'accepted')],
      1,
      { 0: 'accepted' },
    ],
  ])('%s', async (_name, arrange, exitCode, expectedStatus) => {
    const before = (await outbox()).length;
    const ids = await arrange();
    const code = await run(['retry', ...ids], { DATABASE_URL: db.url });
    expect(code).toBe(exitCode);
    const rows = await db.query<{ id: string; status: string }>(
      `SELECT id, status FROM raw_mails WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows.map((r) => r.status)).toEqual(Object.values(expectedStatus));
    const published = (await outbox()).slice(before);
    const accepted = _name === 'one id that now parses';
    expect(published.map((e) => e.value.payload.rawMailId)).toEqual(accepted ? ids : []);
  });

  it('--all retries every quarantined mail and leaves the unparseable one quarantined with its new reason', async () => {
    const good = await quarantine(testMessage(3, 'retry').raw);
    const code = await run(['retry', '--all'], { DATABASE_URL: db.url });
    expect(code).toBe(1);
    const [row] = await db.query<{ status: string }>(`SELECT status FROM raw_mails WHERE id = $1`, [good]);
    expect(row.status).toBe('accepted');
    const left = await db.query<{ error: string }>(`SELECT error FROM raw_mails WHERE status = 'quarantined'`);
    expect(left).toHaveLength(1);
    expect(left[0].error).not.toBe('UNPARSEABLE: old parser');
  });

  it('refuses to run without DATABASE_URL (a configuration error) or arguments', async () => {
    expect(await run(['retry', '--all'], {})).toBe(78);
    expect(await run(['retry'], { DATABASE_URL: db.url })).toBe(2);
  });
});
