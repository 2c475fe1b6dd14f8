import { InboundPayload } from '@draftdesk/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConversationsRepository } from '../../apps/conversations/src/conversations/conversations.repository';
import { ConversationsService } from '../../apps/conversations/src/conversations/conversations.service';
import { ConversationDraftsReadModel } from '../../apps/review/src/drafts/conversation-drafts.read-model';
import { createTestDatabase, TestDatabase } from '../support/database';

function mail(overrides: Partial<InboundPayload>): InboundPayload {
  return {
    channel: 'email',
    externalMessageId: `${randomBytes(6).toString('hex')}@example.test`,
    inReplyTo: null,
    references: [],
    from: { address: 'sanne@example.test', name: 'Sanne' },
    to: [{ address: 'support@shop.test', name: '' }],
    subject: 'Waar is mijn bestelling?',
    text: 'tekst',
    newText: 'tekst',
    html: null,
    receivedAt: new Date().toISOString(),
    automated: { automated: false, kind: null, reasons: [] },
    attachments: [],
    mailbox: 'support@shop.test',
    rawMailId: null,
    chat: null,
    ...overrides,
  };
}

/** Which conversation a message joins, on real PostgreSQL with the real migrations. */
describe('conversation threading', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let service: ConversationsService;

  beforeAll(async () => {
    db = await createTestDatabase('threading');
    dataSource = new DataSource({ type: 'postgres', url: db.url, extra: { max: 2 } });
    await dataSource.initialize();
    service = new ConversationsService(
      new ConversationsRepository(dataSource),
      new ConversationDraftsReadModel(dataSource),
    );
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const store = (m: InboundPayload) => dataSource.transaction((tx) => service.storeInbound(tx, m));

  it('joins by In-Reply-To, and by References when In-Reply-To names an unknown message', async () => {
    const first = mail({});
    const a = await store(first);
    const b = await store(
      mail({
        inReplyTo: first.externalMessageId,
        references: [first.externalMessageId],
        subject: 'Re: Waar is mijn bestelling?',
      }),
    );
    const c = await store(
      mail({
        inReplyTo: 'unknown@elsewhere',
        references: ['older@x', first.externalMessageId],
        subject: 'totally different',
      }),
    );
    expect(b!.conversationId).toBe(a!.conversationId);
    expect(c!.conversationId).toBe(a!.conversationId);
    expect(c!.message.history.map((h) => h.direction)).toEqual(['inbound', 'inbound']);
    expect(c!.message.reply.references.slice(-1)).toEqual([c!.message.reply.inReplyTo]);
  });

  it('joins by the token in the reply address or subject, but only for the same customer', async () => {
    const first = await store(mail({ from: { address: 'tom@example.test', name: 'Tom' } }));
    const [{ token }] = await db.query<{ token: string }>(`SELECT token FROM conversations WHERE id = $1`, [
      first!.conversationId,
    ]);
    const byAddress = await store(
      mail({
        from: { address: 'TOM@example.test', name: '' },
        to: [{ address: `support+${token}@shop.test`, name: '' }],
      }),
    );
    const bySubject = await store(
      mail({ from: { address: 'tom@example.test', name: '' }, subject: `Re: vraag [#${token}]` }),
    );
    const stranger = await store(
      mail({
        from: { address: 'mallory@example.test', name: '' },
        to: [{ address: `support+${token}@shop.test`, name: '' }],
      }),
    );
    expect(byAddress!.conversationId).toBe(first!.conversationId);
    expect(bySubject!.conversationId).toBe(first!.conversationId);
    expect(stranger!.conversationId).not.toBe(first!.conversationId);
  });

  it('never merges two customers, or two threads of one customer, by subject alone', async () => {
    const one = await store(mail({ from: { address: 'a@example.test', name: '' }, subject: 'Retour' }));
    const two = await store(mail({ from: { address: 'b@example.test', name: '' }, subject: 'Re: Retour' }));
    const again = await store(mail({ from: { address: 'a@example.test', name: '' }, subject: 'Retour' }));
    expect(new Set([one!.conversationId, two!.conversationId, again!.conversationId]).size).toBe(3);
  });

  it('stores a redelivered message once and announces it once', async () => {
    const m = mail({});
    expect(await store(m)).not.toBeNull();
    expect(await store(m)).toBeNull();
    const rows = await db.query(`SELECT 1 FROM messages WHERE external_message_id = $1`, [m.externalMessageId]);
    expect(rows).toHaveLength(1);
  });

  it('maps one chat session to one conversation', async () => {
    const chat = { channelId: 'web', sessionId: 's-1' };
    const a = await store(mail({ channel: 'chat', chat, subject: '' }));
    const b = await store(mail({ channel: 'chat', chat, subject: '' }));
    const other = await store(mail({ channel: 'chat', chat: { channelId: 'web', sessionId: 's-2' }, subject: '' }));
    expect(b!.conversationId).toBe(a!.conversationId);
    expect(other!.conversationId).not.toBe(a!.conversationId);
  });
});
