import type { InboundPayload, ReplySentPayload } from '@draftdesk/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ConversationDraftsReadModel } from '../../../review/src';
import { InMemoryConversationsRepository } from './conversations.memory-repository';
import type { ConversationsRepository } from './conversations.repository';
import { ConversationsService } from './conversations.service';

const tx = {} as EntityManager;

function mail(overrides: Partial<InboundPayload> = {}): InboundPayload {
  return {
    channel: 'email',
    externalMessageId: `${randomBytes(6).toString('hex')}@mail.example.test`,
    inReplyTo: null,
    references: [],
    from: { address: 'Sanne@Example.test', name: 'Sanne' },
    to: [{ address: 'support@velo.test', name: '' }],
    subject: 'Waar is mijn bestelling?',
    text: 'Hallo, waar is mijn bestelling?',
    newText: 'Hallo, waar is mijn bestelling?',
    html: null,
    receivedAt: new Date().toISOString(),
    automated: { automated: false, kind: null, reasons: [] },
    attachments: [],
    mailbox: 'support@velo.test',
    rawMailId: null,
    chat: null,
    ...overrides,
  };
}

describe('ConversationsService', () => {
  let repo: InMemoryConversationsRepository;
  let service: ConversationsService;

  beforeEach(() => {
    repo = new InMemoryConversationsRepository();
    const drafts = { ofConversation: async () => [] } as unknown as ConversationDraftsReadModel;
    service = new ConversationsService(repo as unknown as ConversationsRepository, drafts);
  });

  const store = (inbound: InboundPayload) => service.storeInbound(tx, inbound);

  it('opens a conversation for a first message, numbers the message 1 and gives the token along', async () => {
    const stored = await store(mail());
    expect(repo.conversations.size).toBe(1);
    const conversation = repo.conversations.get(stored!.conversationId)!;
    expect(conversation).toMatchObject({ channel: 'email', subject: 'Waar is mijn bestelling?', lastSequence: 1 });
    expect(conversation.token).toMatch(/^[a-z0-9]+$/);
    expect(stored!.message).toMatchObject({
      sequence: 1,
      conversationToken: conversation.token,
      customer: { address: 'sanne@example.test', name: 'Sanne' },
      history: [],
      recentInbound: 1,
      identityVerified: true,
    });
  });

  it('joins a reply to its conversation by In-Reply-To, with the earlier turns oldest first', async () => {
    const first = mail({ receivedAt: '2026-12-01T09:00:00Z' });
    const opened = await store(first);
    const answer = mail({
      inReplyTo: first.externalMessageId,
      references: [first.externalMessageId],
      newText: 'En nu?',
      receivedAt: '2026-12-01T10:00:00Z',
    });
    const reply = await store(answer);
    expect(reply!.conversationId).toBe(opened!.conversationId);
    expect(reply!.message).toMatchObject({
      sequence: 2,
      history: [{ direction: 'inbound', text: first.newText }],
      reply: {
        inReplyTo: answer.externalMessageId,
        references: [first.externalMessageId, answer.externalMessageId],
      },
    });
  });

  it('joins by the token in the address only for the same customer, and never by the subject alone', async () => {
    const opened = await store(mail());
    const token = repo.conversations.get(opened!.conversationId)!.token;
    const viaToken = await store(mail({ to: [{ address: `support+${token}@velo.test`, name: '' }] }));
    expect(viaToken!.conversationId).toBe(opened!.conversationId);

    const stranger = await store(
      mail({
        from: { address: 'someone@else.test', name: '' },
        to: [{ address: `support+${token}@velo.test`, name: '' }],
      }),
    );
    expect(stranger!.conversationId).not.toBe(opened!.conversationId);
    const sameSubject = await store(mail());
    expect(sameSubject!.conversationId).not.toBe(opened!.conversationId);
    expect(repo.conversations.size).toBe(3);
  });

  it('keeps a chat session in one conversation', async () => {
    const chat = { channelId: 'web', sessionId: randomUUID() };
    const first = await store(mail({ channel: 'chat', chat } as Partial<InboundPayload>));
    const second = await store(mail({ channel: 'chat', chat } as Partial<InboundPayload>));
    expect(second!.conversationId).toBe(first!.conversationId);
    expect(second!.message.recentInbound).toBeUndefined();
    expect(repo.conversations.get(first!.conversationId)!.chatSession).toBe(`web:${chat.sessionId}`);
  });

  it('returns null for a message stored before, and stores it once', async () => {
    const inbound = mail();
    expect(await store(inbound)).not.toBeNull();
    expect(await store(inbound)).toBeNull();
    expect(repo.messages).toHaveLength(1);
  });

  it('marks our bounced reply failed and says so instead of announcing a message', async () => {
    const opened = await store(mail());
    const sent: ReplySentPayload = {
      draftId: randomUUID(),
      channel: 'email',
      to: { address: 'sanne@example.test', name: 'Sanne' },
      subject: 'Re: Waar is mijn bestelling?',
      body: 'Uw pakket is onderweg.',
      messageId: `${randomUUID()}@replies.velo.test`,
      status: 'sent',
      error: null,
      sentAt: new Date().toISOString(),
      autoSent: false,
    };
    await service.storeOutbound(tx, opened!.conversationId, sent);
    const bounce = await store(
      mail({
        from: { address: 'mailer-daemon@mx.example.test', name: '' },
        automated: { automated: true, kind: 'bounce', reasons: ['dsn'] },
        bouncedMessageIds: [sent.messageId],
      }),
    );
    expect(bounce!.conversationId).toBe(opened!.conversationId);
    const reply = repo.messages.find((m) => m.externalMessageId === sent.messageId)!;
    expect(bounce!.bouncedReplyIds).toEqual([reply.id]);
    expect(reply.status).toBe('failed');
  });

  it('records a reply once, updating its status when it is reported again', async () => {
    const opened = await store(mail());
    const sent = {
      draftId: randomUUID(),
      channel: 'email',
      to: { address: 'sanne@example.test', name: 'Sanne' },
      subject: 'Re',
      body: 'Onderweg.',
      messageId: 'reply-1@velo.test',
      status: 'sent',
      error: null,
      sentAt: new Date().toISOString(),
      autoSent: true,
    } as const;
    await service.storeOutbound(tx, opened!.conversationId, sent);
    await service.storeOutbound(tx, opened!.conversationId, { ...sent, status: 'failed' });
    expect(repo.messages.filter((m) => m.direction === 'outbound')).toEqual([
      expect.objectContaining({ status: 'failed' }),
    ]);
  });
});
