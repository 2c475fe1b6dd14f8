import { Topics } from '@draftdesk/contracts';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { inboundEmail, publishInbound } from '../support/inbound';
import { RunningService, ServiceName, startService } from '../support/services';

interface Item {
  draftId: string;
  status: string;
  version: number;
  body: string | null;
  reasons: string[];
}

/**
 * "Ask for a new draft" through the real services on Kafka and PostgreSQL: a message is drafted, a reviewer asks
 * for a redraft with an instruction, the drafter writes revision 1 of the same message, and the review service
 * replaces the pending item's draft (new version, audit entry) instead of queueing a second item.
 */
describe('a reviewer asks for a new draft and gets it in the same queue item', () => {
  const token = `e2e-${randomBytes(24).toString('hex')}`;
  const auth = { authorization: `Bearer ${token}` };
  const prefix = `rd-${randomBytes(4).toString('hex')}.`;
  const services: Partial<Record<ServiceName, RunningService>> = {};
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('redraft');
    const common = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: prefix,
      MESSAGE_ID_DOMAIN: 'replies.shop.test',
    };
    const names: ServiceName[] = ['conversations', 'triage', 'drafter', 'review'];
    for (const name of names)
      services[name] = await startService(
        name,
        { ...common, ...(name === 'review' ? { REVIEW_API_TOKEN: token } : {}) },
        `redraft-${name}`,
      );
    await Promise.all(names.map((n) => services[n]!.ready()));
  });

  afterAll(async () => {
    await Promise.all(Object.values(services).map((s) => s.kill('SIGTERM')));
    await db?.drop();
  });

  const api = (path: string, init: RequestInit & { json?: unknown } = {}) =>
    fetch(`${services.review!.url}${path}`, {
      ...init,
      headers: { ...auth, ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
    });

  async function items(): Promise<Item[]> {
    const res = await api('/v1/drafts?status=pending');
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Item[] }).items;
  }

  it('drafts revision 1 with the instruction recorded and replaces the item’s draft', async () => {
    // The sample shop's order 100234 belongs to this address, so the drafter grounds the reply in it.
    const address = 'customer@example.test';
    const text =
      'Hallo, ik heb bestelling 100234 geplaatst maar nog niets ontvangen. Waar blijft bestelling 100234?\n\nGroeten, Sanne';
    const payload = inboundEmail({
      externalMessageId: `redraft-${randomBytes(6).toString('hex')}@example.test`,
      from: { address, name: 'Sanne de Vries' },
      subject: 'Waar is mijn bestelling?',
      text,
    });
    await publishInbound(prefix, payload);

    const [first] = await expectEventually(
      async () => {
        const list = await items();
        expect(list).toHaveLength(1);
        return list;
      },
      { timeoutMs: 60_000 },
    );
    expect(first.reasons.some((r) => r.startsWith('redraft:'))).toBe(false);

    // The order panel shows the order the drafter used, and the twice-mentioned number only once.
    const detail = (await (await api(`/v1/drafts/${first.draftId}`)).json()) as {
      orderFacts: {
        order: { orderNumber: string; status: string; carrier?: string } | null;
        entities: { type: string; value: string }[];
      };
    };
    expect(detail.orderFacts.order).toMatchObject({ orderNumber: '100234', status: 'shipped', carrier: 'PostNL' });
    expect(detail.orderFacts.entities.filter((e) => e.value === '100234')).toHaveLength(1);

    const instruction = 'Noem ook het afhaalpunt';
    const asked = await api(`/v1/drafts/${first.draftId}/redraft`, {
      method: 'POST',
      json: { instruction, version: first.version },
    });
    expect(asked.status).toBe(200);
    expect(((await asked.json()) as Item).status).toBe('redraft_requested');

    const replaced = await expectEventually(
      async () => {
        const list = await items();
        expect(list).toHaveLength(1);
        expect(list[0].reasons).toContain(`redraft:${instruction}`);
        return list[0];
      },
      { timeoutMs: 60_000 },
    );
    // Same item, two versions on: the redraft request and the replacement.
    expect(replaced.draftId).toBe(first.draftId);
    expect(replaced.status).toBe('pending');
    expect(replaced.version).toBe(first.version + 2);

    const drafts = await db.query<{ revision: number; instruction: string | null; has_source: boolean }>(
      `SELECT revision, instruction, source IS NOT NULL AS has_source FROM drafts ORDER BY revision`,
    );
    expect(drafts).toEqual([
      { revision: 0, instruction: null, has_source: true },
      { revision: 1, instruction, has_source: true },
    ]);
    const [row] = await db.query<{ payload: { draftId: string; revision: number; redraftOf: string } }>(
      `SELECT payload FROM review_items WHERE draft_id = $1`,
      [first.draftId],
    );
    expect(row.payload.redraftOf).toBe(first.draftId);
    expect(row.payload.revision).toBe(1);
    expect(row.payload.draftId).not.toBe(first.draftId);
    expect(await db.query(`SELECT count(*)::int AS n FROM review_items`)).toEqual([{ n: 1 }]);

    const audit = (
      (await (await api(`/v1/drafts/${first.draftId}/audit`)).json()) as {
        items: { action: string; after: { draftId?: string } }[];
      }
    ).items;
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['request_redraft', 'redrafted']));
    expect(audit.find((a) => a.action === 'redrafted')?.after.draftId).toBe(row.payload.draftId);

    // The new draft is approvable like any other: its own draft id goes to mail-send.
    const approved = await api(`/v1/drafts/${first.draftId}/approve`, {
      method: 'POST',
      json: { version: replaced.version },
    });
    expect(approved.status).toBe(200);
    const sent = await db.query<{ draft_id: string }>(
      `SELECT value->'payload'->>'draftId' AS draft_id FROM outbox WHERE topic LIKE $1`,
      [`%${Topics.replyApproved}`],
    );
    expect(sent).toEqual([{ draft_id: row.payload.draftId }]);
  });
});
