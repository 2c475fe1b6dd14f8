import { fromGenericMessage, genericMessageSchema } from './chat-message.dto';
import { fromWhatsAppWebhook, whatsAppWebhookSchema } from './whatsapp-webhook.dto';

describe('genericMessageSchema', () => {
  const valid = {
    sessionId: 's1',
    messageId: 'm1',
    customer: { id: 'c1', name: 'Ann' },
    text: 'Hi',
    timestamp: 1_764_000_000,
  };

  it.each([
    { name: 'valid, unix seconds', body: valid, fields: [] },
    {
      name: 'valid, attachment only',
      body: { ...valid, text: '', attachments: [{ url: 'https://x.test/a.png' }] },
      fields: [],
    },
    { name: 'no text and no attachment', body: { ...valid, text: ' ' }, fields: ['text'] },
    { name: 'unknown field', body: { ...valid, foo: 1 }, fields: [''] },
    {
      name: 'bad email and url',
      body: { ...valid, customer: { id: 'c', email: 'nope' }, attachments: [{ url: 'ftp:/x' }] },
      fields: ['customer.email', 'attachments.0.url'],
    },
    {
      name: 'missing ids',
      body: { text: 'x', timestamp: '2025-01-01T00:00:00Z', customer: {} },
      fields: ['sessionId', 'messageId', 'customer.id'],
    },
  ])('$name', ({ body, fields }) => {
    const parsed = genericMessageSchema.safeParse(body);
    if (fields.length === 0) expect(parsed.success).toBe(true);
    else expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(fields));
  });

  it.each([
    { timestamp: 1_764_000_000, iso: '2025-11-24T16:00:00.000Z' },
    { timestamp: 1_764_000_000_000, iso: '2025-11-24T16:00:00.000Z' },
    { timestamp: '2025-11-24T17:00:00+01:00', iso: '2025-11-24T16:00:00.000Z' },
  ])('normalises timestamp $timestamp', ({ timestamp, iso }) => {
    expect(fromGenericMessage(genericMessageSchema.parse({ ...valid, timestamp })).sentAt).toBe(iso);
  });
});

describe('fromWhatsAppWebhook', () => {
  const notification = (messages: unknown[], extra: Record<string, unknown> = {}) => ({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              contacts: [{ wa_id: '316', profile: { name: 'Sanne' } }],
              messages,
              ...extra,
            },
          },
        ],
      },
    ],
  });

  it('reads text and media messages with the contact name, and skips the rest', () => {
    const parsed = whatsAppWebhookSchema.parse(
      notification([
        { from: '316', id: 'wamid.1', timestamp: '1764000000', type: 'text', text: { body: ' Waar is mijn pakket? ' } },
        {
          from: '316',
          id: 'wamid.2',
          timestamp: '1764000001',
          type: 'image',
          image: { id: 'media-9', mime_type: 'image/jpeg', caption: 'zo zag het eruit' },
        },
        { from: '316', id: 'wamid.3', timestamp: '1764000002', type: 'reaction', reaction: { emoji: '👍' } },
      ]),
    );
    const messages = fromWhatsAppWebhook(parsed);
    expect(messages.map((m) => [m.externalMessageId, m.text, m.customer.name, m.sessionId, m.recipient])).toEqual([
      ['wamid.1', 'Waar is mijn pakket?', 'Sanne', '316', '316'],
      ['wamid.2', 'zo zag het eruit', 'Sanne', '316', '316'],
    ]);
    expect(messages[1].attachments).toEqual([
      { url: 'whatsapp-media:media-9', contentType: 'image/jpeg', filename: null },
    ]);
    expect(messages[0].sentAt).toBe('2025-11-24T16:00:00.000Z');
  });

  it('yields nothing for a status update', () => {
    expect(
      fromWhatsAppWebhook(
        whatsAppWebhookSchema.parse(notification([], { statuses: [{ id: 'wamid.9', status: 'read' }] })),
      ),
    ).toEqual([]);
  });

  it('names the bad fields of something that is not a notification', () => {
    const parsed = whatsAppWebhookSchema.safeParse({
      object: 'page',
      entry: [{ changes: [{ value: { messages: [{ id: 1 }] } }] }],
    });
    const fields = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['object', 'entry.0.id', 'entry.0.changes.0.value.messages.0.from']));
  });
});
