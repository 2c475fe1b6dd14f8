import { EventEnvelope } from '@draftdesk/contracts';
import { MailParseError, parseMail } from '@draftdesk/mail';
import { OutboxService } from '@draftdesk/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { IngestService, MailSource } from './ingest.service';
import { MailParsePool } from './mail-parse-pool.service';
import { InMemoryRawMailRepository } from './raw-mail.memory-repository';
import { RawMailRepository } from './raw-mail.repository';

const manager = {} as EntityManager;

function mail(messageId: string | null, body = 'Where is my order 1042?'): Buffer {
  return Buffer.from(
    [
      'From: Ada Lovelace <ada@example.com>',
      'To: support@shop.example',
      'Subject: Order 1042',
      'Date: Tue, 01 Dec 2026 10:00:00 +0000',
      ...(messageId ? [`Message-ID: <${messageId}>`] : []),
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
      '',
    ].join('\r\n'),
  );
}

const at = (uid: number | null, uidValidity: bigint | null = 7n): MailSource => ({
  mailbox: 'support',
  folder: 'INBOX',
  uidValidity,
  uid,
});

describe('IngestService', () => {
  let rawMails: InMemoryRawMailRepository;
  let events: EventEnvelope[];
  let committed: number;
  let ingest: IngestService;

  beforeEach(() => {
    rawMails = new InMemoryRawMailRepository();
    events = [];
    committed = 0;
    const outbox = {
      add: async (_m: EntityManager, ...added: EventEnvelope[]) => void events.push(...added),
      committed: () => void committed++,
    } as unknown as OutboxService;
    const parser = { parse: async (raw: Buffer) => parseMail(raw).catch((error: MailParseError) => error) };
    const dataSource = { transaction: (work: (m: EntityManager) => unknown) => work(manager) } as unknown as DataSource;
    ingest = new IngestService(
      parser as unknown as MailParsePool,
      dataSource,
      rawMails as unknown as RawMailRepository,
      outbox,
    );
  });

  const store = async (raw: Buffer, source: MailSource) => ingest.store(manager, raw, await ingest.parse(raw), source);

  it('keeps a new message and announces it as one inbound event keyed by its sender', async () => {
    expect(await store(mail('a@example.com'), at(1))).toBe('accepted');
    expect(rawMails.rows).toHaveLength(1);
    expect(rawMails.rows[0]).toMatchObject({ status: 'accepted', uid: 1, uidValidity: '7', error: null });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ producer: 'mail-ingest', key: 'ada@example.com' });
    expect(events[0].payload).toMatchObject({ rawMailId: rawMails.rows[0].id, mailbox: 'support' });
  });

  it('does nothing for a mailbox position imported before', async () => {
    await store(mail('a@example.com'), at(1));
    expect(await store(mail('a@example.com'), at(1))).toBe('already-imported');
    expect(rawMails.rows).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('keeps the same mail under a new UID (a renumbered folder) as a duplicate, without a second event', async () => {
    await store(mail('a@example.com'), at(1));
    expect(await store(mail('a@example.com'), at(1, 8n))).toBe('duplicate');
    expect(rawMails.rows.map((r) => r.status)).toEqual(['accepted', 'duplicate']);
    expect(events).toHaveLength(1);
  });

  it('tells mail without a Message-ID apart by its content', async () => {
    expect(await store(mail(null), at(1))).toBe('accepted');
    expect(await store(mail(null), at(2))).toBe('duplicate');
    expect(await store(mail(null, 'Another question'), at(3))).toBe('accepted');
    expect(events).toHaveLength(2);
  });

  it('quarantines mail that cannot be parsed, with the reason, and announces nothing', async () => {
    expect(await store(Buffer.from('   \r\n\r\n'), at(1))).toBe('quarantined');
    expect(rawMails.rows[0]).toMatchObject({ status: 'quarantined', messageId: null });
    expect(rawMails.rows[0].error).toMatch(/^[A-Z_]+: /);
    expect(events).toHaveLength(0);
    expect(await rawMails.listQuarantined(10)).toHaveLength(1);
  });

  it('stores mail without a mailbox position (SMTP) every time it arrives, de-duplicated by Message-ID', async () => {
    expect(await ingest.ingestOne(mail('b@example.com'), at(null, null))).toBe('accepted');
    expect(await ingest.ingestOne(mail('b@example.com'), at(null, null))).toBe('duplicate');
    expect(rawMails.rows).toHaveLength(2);
    expect(committed).toBe(1);
  });
});
