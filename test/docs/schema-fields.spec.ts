import { orderSchema, productSchema, shopSchema, snippetFrontMatter, policySchema } from '@draftdesk/shop';
import type { z } from 'zod';
import { genericChannelSchema, whatsAppChannelSchema } from '../../apps/chat-gateway/src/channels/channel.types';
import { genericMessageSchema } from '../../apps/chat-gateway/src/intake/dto/chat-message.dto';
import { createMailboxSchema } from '../../apps/mail-ingest/src/mailboxes/mailbox.types';
import { codeSpans, fieldPaths, readDoc, section } from './docs-text.util';

/** Each schema, the page and the section of it that must name every one of its fields. */
const REFERENCES: { what: string; schema: z.ZodType; page: string; section: string }[] = [
  { what: 'policy.yaml', schema: policySchema, page: 'policy.md', section: 'The fields of policy.yaml' },
  { what: 'shop.yaml', schema: shopSchema, page: 'shop-folder.md', section: 'shop.yaml' },
  {
    what: 'knowledge article front matter',
    schema: snippetFrontMatter,
    page: 'shop-folder.md',
    section: 'the knowledge base',
  },
  { what: 'products.yaml', schema: productSchema, page: 'shop-folder.md', section: 'products.yaml' },
  { what: 'orders.json', schema: orderSchema, page: 'shop-folder.md', section: 'orders.json' },
  {
    what: 'the mailbox API',
    schema: createMailboxSchema,
    page: 'shop-folder.md',
    section: 'Connecting a real mailbox',
  },
  {
    what: 'a generic chat channel',
    schema: genericChannelSchema,
    page: 'chat-webhook.md',
    section: 'Setting up a channel',
  },
  { what: 'a WhatsApp channel', schema: whatsAppChannelSchema, page: 'chat-webhook.md', section: 'WhatsApp' },
  { what: 'a chat webhook body', schema: genericMessageSchema, page: 'chat-webhook.md', section: 'The request' },
];

describe('the references name every field of the schemas', () => {
  it('reads nested fields from a schema', () => {
    expect(fieldPaths(policySchema)).toEqual(
      expect.arrayContaining(['autoSend.minConfidence', 'limits.currency', 'businessHours.days', 'canary']),
    );
    expect(fieldPaths(orderSchema)).toEqual(expect.arrayContaining(['total.amount', 'items.quantity']));
  });

  it.each(REFERENCES)('$what in docs/$page', ({ schema, page, section: title }) => {
    const named = new Set(codeSpans(section(readDoc(page), title)));
    expect(fieldPaths(schema).filter((field) => !named.has(field))).toEqual([]);
  });
});
