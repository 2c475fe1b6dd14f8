import { dataSourceOptions } from '@draftdesk/database';
import { parseMail, toInboundPayload } from '@draftdesk/mail';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConversationsRepository } from '../../apps/conversations/src/conversations/conversations.repository';
import { ConversationsService } from '../../apps/conversations/src/conversations/conversations.service';
import { ConversationDraftsReadModel } from '../../apps/review/src/drafts/conversation-drafts.read-model';
import { createTestDatabase, TestDatabase } from '../support/database';

/** A bounce of one of our replies joins that reply's conversation, marks the reply failed, and is not announced. */
describe('bounces of our replies (conversations)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let service: ConversationsService;

  beforeAll(async () => {
    db = await createTestDatabase('bounce_attach');
    dataSource = await new DataSource(dataSourceOptions({ url: db.url, poolSize: 2 })).initialize();
    service = new ConversationsService(
      new ConversationsRepository(dataSource),
      new ConversationDraftsReadModel(dataSource),
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const customerMail = (id: string) =>
    `From: Sanne <sanne@example.test>\r\nTo: support@shop.test\r\nSubject: Bestelling\r\nMessage-ID: <${id}>\r\n\r\nWaar is mijn pakket?\r\n`;
  const bounceOf = (replyId: string, where: 'header' | 'enclosed') =>
    [
      'From: MAILER-DAEMON@mx.example.test',
      'To: support@shop.test',
      'Subject: Undelivered Mail Returned to Sender',
      `Message-ID: <bounce-${randomUUID()}@mx.example.test>`,
      ...(where === 'header' ? [`In-Reply-To: <${replyId}>`] : []),
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'User unknown',
      '--b',
      'Content-Type: message/rfc822',
      '',
      'From: support@shop.test',
      ...(where === 'enclosed' ? [`Message-ID: <${replyId}>`] : []),
      'Subject: Re: Bestelling',
      '',
      'Uw pakket komt morgen.',
      '--b--',
      '',
    ].join('\r\n');

  async function inbound(raw: string) {
    const mail = await parseMail(raw);
    return dataSource.transaction((m) =>
      service.storeInbound(m, toInboundPayload(mail, { rawMailId: randomUUID(), mailbox: 'support@shop.test' })),
    );
  }

  it.each<['header' | 'enclosed']>([['header'], ['enclosed']])('bounce naming our reply in its %s', async (where) => {
    const original = await inbound(customerMail(`q-${randomUUID()}@example.test`));
    const replyId = `reply-${randomUUID()}@replies.shop.test`;
    await dataSource.transaction((m) =>
      service.storeOutbound(m, original!.conversationId, {
        draftId: randomUUID(),
        channel: 'email',
        to: { address: 'sanne@example.test', name: 'Sanne' },
        messageId: replyId,
        subject: 'Re: Bestelling',
        body: 'Uw pakket komt morgen.',
        status: 'sent',
        error: null,
        sentAt: new Date().toISOString(),
        autoSent: false,
      }),
    );
    const stored = await inbound(bounceOf(replyId, where));
    expect(stored?.conversationId).toBe(original!.conversationId);
    expect(stored?.bouncedReplyIds).toHaveLength(1);
    const [reply] = await db.query<{ status: string }>(`SELECT status FROM messages WHERE external_message_id = $1`, [
      replyId,
    ]);
    expect(reply.status).toBe('failed');
  });

  it('a bounce of something we never sent opens nothing of ours and fails nothing', async () => {
    const stored = await inbound(bounceOf(`unknown-${randomUUID()}@elsewhere.test`, 'enclosed'));
    expect(stored?.bouncedReplyIds).toBeUndefined();
    const failed = await db.query(`SELECT 1 FROM messages WHERE status = 'failed' AND conversation_id = $1`, [
      stored!.conversationId,
    ]);
    expect(failed).toHaveLength(0);
  });
});
