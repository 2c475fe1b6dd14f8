import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/principal';
import type { AuditLogRepository } from '../drafts/audit-log.repository';
import type { ReviewItemsRepository } from '../drafts/review-items.repository';
import { draftedPayload, InMemoryReviewItems, reviewItem } from '../queue/review.memory-repository';
import type { CannedRepliesRepository, CannedReply } from './canned-replies.repository';
import { CannedRepliesService } from './canned-replies.service';

/** The canned replies table over a map: a title is unique per shop and language, whatever its case. */
class InMemoryCannedReplies implements Pick<CannedRepliesRepository, 'list' | 'find' | 'insert' | 'update' | 'delete'> {
  readonly rows = new Map<string, CannedReply>();

  private taken(shopId: string, language: string, title: string, except?: string) {
    return [...this.rows.values()].some(
      (r) =>
        r.id !== except &&
        r.shopId === shopId &&
        r.language === language &&
        r.title.toLowerCase() === title.toLowerCase(),
    );
  }

  async list(shopId: string, filter: { language?: string; q?: string }) {
    const q = filter.q?.toLowerCase();
    return [...this.rows.values()].filter(
      (r) =>
        r.shopId === shopId &&
        (!filter.language || r.language === filter.language) &&
        (!q || `${r.title}\n${r.body}`.toLowerCase().includes(q)),
    );
  }

  async find(shopId: string, id: string) {
    const row = this.rows.get(id);
    return row?.shopId === shopId ? row : null;
  }

  async insert(shopId: string, r: { language: string; title: string; body: string; updatedBy: string }) {
    if (this.taken(shopId, r.language, r.title)) return null;
    const row = { id: randomUUID(), shopId, ...r, createdAt: new Date(), updatedAt: new Date() };
    this.rows.set(row.id, row);
    return row;
  }

  async update(
    shopId: string,
    id: string,
    r: Partial<Pick<CannedReply, 'language' | 'title' | 'body'>> & { updatedBy: string },
  ) {
    const row = await this.find(shopId, id);
    if (!row) return 'missing' as const;
    const next = { ...row, ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) };
    if (this.taken(shopId, next.language, next.title, id)) return 'taken' as const;
    this.rows.set(id, next);
    return next;
  }

  async delete(shopId: string, id: string) {
    return (await this.find(shopId, id)) ? this.rows.delete(id) : false;
  }
}

const lead: Actor = { userId: randomUUID(), email: 'lead@velo.test', shopId: 'default', role: 'lead' };
const otherShop: Actor = { ...lead, shopId: 'b' };

describe('CannedRepliesService', () => {
  let replies: InMemoryCannedReplies;
  let items: InMemoryReviewItems;
  let audit: { action: string; entityId: string; before: unknown; after: unknown }[];
  let service: CannedRepliesService;

  beforeEach(() => {
    replies = new InMemoryCannedReplies();
    items = new InMemoryReviewItems();
    audit = [];
    const auditLog = {
      recordSetting: async (
        _actor: string,
        action: string,
        _entity: string,
        entityId: string,
        before: unknown,
        after: unknown,
      ) => void audit.push({ action, entityId, before, after }),
    };
    service = new CannedRepliesService(
      replies as unknown as CannedRepliesRepository,
      items as unknown as ReviewItemsRepository,
      auditLog as unknown as AuditLogRepository,
    );
  });

  const add = (title: string, body = 'Hallo {{customer.name}}', language = 'nl') =>
    service.create(lead, { language, title, body });

  it('answers 409 naming the title for a title the shop already has in that language, on create and on change', async () => {
    const first = await add('Onderweg');
    await expect(add('ONDERWEG')).rejects.toMatchObject({
      status: 409,
      response: { code: 'CANNED_REPLY_TITLE_TAKEN', errors: [{ field: 'title' }] },
    });
    await add('Onderweg', 'Hi', 'en');
    const second = await add('Bezorgd');
    await expect(service.update(lead, second.id, { title: 'onderweg' })).rejects.toMatchObject({ status: 409 });
    expect((await service.update(lead, first.id, { title: 'Pakket onderweg' })).title).toBe('Pakket onderweg');
    expect(audit.map((a) => a.action)).toEqual(['canned_create', 'canned_create', 'canned_create', 'canned_update']);
    expect(audit[3]).toMatchObject({ before: { title: 'Onderweg' }, after: { title: 'Pakket onderweg' } });
  });

  it('treats another shop’s reply as missing: 404 on read, change, delete and render, nothing recorded', async () => {
    const reply = await add('Onderweg');
    audit.length = 0;
    for (const attempt of [
      service.get(otherShop, reply.id),
      service.update(otherShop, reply.id, { title: 'Van B' }),
      service.delete(otherShop, reply.id),
    ])
      await expect(attempt).rejects.toMatchObject({ status: 404, response: { code: 'CANNED_REPLY_NOT_FOUND' } });
    const item = reviewItem({ shop_id: 'b' });
    items.add(item);
    await expect(service.render(otherShop, 'Joris', item.draft_id, reply.id)).rejects.toMatchObject({ status: 404 });
    expect(audit).toEqual([]);
    expect(replies.rows.get(reply.id)?.title).toBe('Onderweg');
  });

  it('renders for a draft of the shop from its addressee and order, in the reply’s language', async () => {
    const reply = await add('Status', '{{customer.name}}: {{order.number}} is {{order.status}} — {{agent.name}}', 'en');
    const order = {
      orderNumber: '100234',
      status: 'delivered',
      placedAt: '2026-11-20',
      total: { amount: 10, currency: 'EUR' },
      items: [],
    };
    const item = reviewItem({
      payload: draftedPayload({ to: { address: 'sanne@example.test', name: 'Sanne' }, orderFacts: order }),
    });
    items.add(item);
    expect(await service.render(lead, 'Joris', item.draft_id, reply.id)).toEqual({
      cannedId: reply.id,
      title: 'Status',
      language: 'en',
      text: 'Sanne: 100234 is delivered — Joris',
      missing: [],
    });
    await expect(service.render(lead, 'Joris', randomUUID(), reply.id)).rejects.toMatchObject({ status: 404 });
  });
});
