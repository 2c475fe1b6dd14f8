import { etagOf, queueFilterSchema, queueWhere, versionFromIfMatch } from './queue-filter.util';

const now = new Date('2025-01-15T10:00:00Z');
const parse = (q: Record<string, string>) => queueFilterSchema.parse(q);

describe('queueWhere', () => {
  it.each([
    [
      {},
      'shop_id = $1 AND status = $2 AND (snoozed_until IS NULL OR snoozed_until <= $3)',
      ['s', 'pending', now.toISOString()],
    ],
    [
      { status: 'approved', intent: 'track_order', language: 'nl', includeSnoozed: 'true' },
      'shop_id = $1 AND status = $2 AND intent = $3 AND language = $4',
      ['s', 'approved', 'track_order', 'nl'],
    ],
    [
      { priority: 'urgent', channel: 'chat', assignee: 'me', includeSnoozed: 'true' },
      'shop_id = $1 AND status = $2 AND priority = $3 AND channel = $4 AND assignee_id = $5',
      ['s', 'pending', 'urgent', 'chat', 'u'],
    ],
    [
      { assignee: 'none', escalated: 'true', breached: 'false', includeSnoozed: 'true' },
      'shop_id = $1 AND status = $2 AND assignee_id IS NULL AND escalated AND sla_breached_at IS NULL',
      ['s', 'pending'],
    ],
    [
      { mailbox: 'support@shop.test', dueBefore: '2025-01-16T00:00:00Z', includeSnoozed: 'true' },
      'shop_id = $1 AND status = $2 AND mailbox = $3 AND due_at < $4',
      ['s', 'pending', 'support@shop.test', '2025-01-16T00:00:00Z'],
    ],
    [
      { needsReply: 'true', assignee: 'me', includeSnoozed: 'true' },
      'shop_id = $1 AND status = $2 AND assignee_id = $3 AND needs_human_reply',
      ['s', 'pending', 'u'],
    ],
    [
      { needsReply: 'false', includeSnoozed: 'true' },
      'shop_id = $1 AND status = $2 AND NOT needs_human_reply',
      ['s', 'pending'],
    ],
  ])('%p', (query, sql, params) => {
    expect(queueWhere('s', 'u', parse(query as Record<string, string>), now)).toEqual({ sql, params });
  });

  it.each([
    [{ status: 'nope' }],
    [{ limit: '0' }],
    [{ assignee: 'someone' }],
    [{ needsReply: 'yes' }],
    [{ unknown: 'x' }],
    [{ dueBefore: 'tomorrow' }],
  ])('rejects %p', (query) => expect(queueFilterSchema.safeParse(query).success).toBe(false));
});

describe('versions', () => {
  it.each([
    ['"3"', 3],
    ['W/"12"', 12],
    ['7', 7],
    ['"abc"', Number.NaN],
    [undefined, undefined],
  ])('If-Match %p → %p', (header, expected) => expect(versionFromIfMatch(header)).toBe(expected));
  it('quotes the version as an ETag', () => expect(etagOf(4)).toBe('"4"'));
});
