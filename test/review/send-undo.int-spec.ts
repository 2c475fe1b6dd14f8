import { OutboxService } from '@draftdesk/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../../apps/review/src/auth/principal';
import { AuditLogRepository } from '../../apps/review/src/drafts/audit-log.repository';
import { ReviewItemsRepository } from '../../apps/review/src/drafts/review-items.repository';
import { LiveEventsService } from '../../apps/review/src/live/live-events.service';
import { ActionsService } from '../../apps/review/src/queue/actions.service';
import { ReviewRecordsRepository } from '../../apps/review/src/queue/review-records.repository';
import { ScheduledSendWorker } from '../../apps/review/src/queue/scheduled-send.worker';
import { ShopsRepository } from '../../apps/review/src/sla/shops.repository';
import { createTestDatabase, TestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { seedItem } from './review-fixtures';

/** One review replica over its own connection pool: the agents' actions and the loop that sends delayed approvals. */
async function replica(url: string) {
  const dataSource = new DataSource({ type: 'postgres', url, extra: { max: 4 } });
  await dataSource.initialize();
  const outbox = new OutboxService();
  const live = new LiveEventsService();
  const items = new ReviewItemsRepository(dataSource);
  const auditLog = new AuditLogRepository(dataSource);
  const sender = new ScheduledSendWorker(items, auditLog, outbox, live);
  const records = new ReviewRecordsRepository(dataSource);
  // The desk's default is 10 s; the shop's own delay (set below) wins.
  const options = { claimTtlSeconds: 300, sendDelaySeconds: 10 };
  const actions = new ActionsService(
    items,
    records,
    auditLog,
    new ShopsRepository(dataSource),
    outbox,
    live,
    options,
    sender,
  );
  return { dataSource, sender, actions };
}

/**
 * Send with undo on real PostgreSQL with the real migrations: an approval waits out the shop's send delay as
 * `sending`, an undo within it leaves no event, and the reply-approved event is written once however many
 * replicas' loops race for it.
 */
describe('send with undo', () => {
  let db: TestDatabase;
  let one: Awaited<ReturnType<typeof replica>>;
  let two: Awaited<ReturnType<typeof replica>>;
  const agent: Actor = { userId: randomUUID(), email: 'agent@shop.test', shopId: 'default', role: 'agent' };
  const unversioned = { viaIfMatch: false };

  beforeAll(async () => {
    db = await createTestDatabase('send_undo');
    await db.query(`UPDATE shops SET send_delay_seconds = 1 WHERE id = 'default'`);
    one = await replica(db.url);
    two = await replica(db.url);
  });

  afterAll(async () => {
    await one?.sender.onApplicationShutdown();
    await two?.sender.onApplicationShutdown();
    await one?.dataSource.destroy();
    await two?.dataSource.destroy();
    await db?.drop();
  });

  const approvals = (draftId: string) =>
    db.query(`SELECT 1 FROM outbox WHERE topic = 'support.reply-approved.v1' AND value->'payload'->>'draftId' = $1`, [
      draftId,
    ]);
  const itemOf = async (draftId: string) =>
    (
      await db.query<{ status: string; body: string; decided_by: string | null; send_at: Date | null }>(
        `SELECT status, body, decided_by, send_at FROM review_items WHERE draft_id = $1`,
        [draftId],
      )
    )[0];
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('approve then undo within the window: pending again with the edited text, no event, even after the delay', async () => {
    const { draftId } = await seedItem(db);
    const sending = await one.actions.approve(agent, draftId, { body: 'Morgen komt hij.' }, unversioned);
    expect(sending).toMatchObject({ status: 'sending', version: 2 });
    expect(await itemOf(draftId)).toMatchObject({ status: 'sending', body: 'Morgen komt hij.' });

    const undone = await one.actions.undo(agent, draftId, { version: 2, viaIfMatch: true });
    expect(undone).toMatchObject({ status: 'pending', version: 3, body: 'Morgen komt hij.', decidedBy: null });
    await pause(1_200);
    expect(await one.sender.sendDue()).toEqual([]);
    expect(await itemOf(draftId)).toEqual({
      status: 'pending',
      body: 'Morgen komt hij.',
      decided_by: null,
      send_at: null,
    });
    expect(await approvals(draftId)).toHaveLength(0);
    const audit = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
      draftId,
    ]);
    expect(audit.map((a) => a.action)).toEqual(['edit_and_approve', 'undo_approve']);
  });

  it('approve and wait: nothing before the delay, then exactly one event; undo then answers 409', async () => {
    const { draftId } = await seedItem(db);
    await one.actions.approve(agent, draftId, {}, unversioned);
    expect(await one.sender.sendDue()).toEqual([]);
    await pause(1_100);
    expect((await one.sender.sendDue()).map((r) => r.draft_id)).toEqual([draftId]);
    expect(await one.sender.sendDue()).toEqual([]);
    expect(await approvals(draftId)).toHaveLength(1);
    expect(await itemOf(draftId)).toMatchObject({ status: 'approved', decided_by: agent.email });
    await expect(one.actions.undo(agent, draftId, unversioned)).rejects.toMatchObject({
      status: 409,
      response: { code: 'SEND_ALREADY_STARTED' },
    });
  });

  /** Items of the default shop approved now and due once the shop's delay (1 s) has passed. */
  async function approvedBatch(n: number) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await seedItem(db)).draftId);
    for (const id of ids) await one.actions.approve(agent, id, {}, unversioned);
    return ids;
  }

  const eventsPerDraft = async (ids: string[]) =>
    db.query<{ draft_id: string; n: number }>(
      `SELECT value->'payload'->>'draftId' AS draft_id, count(*)::int AS n FROM outbox
        WHERE topic = 'support.reply-approved.v1' AND value->'payload'->>'draftId' = ANY($1) GROUP BY 1`,
      [ids],
    );

  it('passes of two replicas at the same moment hand out each due reply to one of them', async () => {
    const ids = await approvedBatch(20);
    await pause(1_100);
    const passes = await Promise.all([one, two, one, two].map((r) => r.sender.sendDue()));
    const taken = passes.flat().map((r) => r.draft_id);
    expect(taken.sort()).toEqual([...ids].sort());
    const rows = await eventsPerDraft(ids);
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it("two replicas' loops running publish every reply once", async () => {
    const ids = await approvedBatch(30);
    one.sender.onApplicationBootstrap();
    two.sender.onApplicationBootstrap();
    await expectEventually(
      async () => {
        const [left] = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM review_items WHERE status = 'sending'`,
        );
        expect(left.n).toBe(0);
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    const rows = await eventsPerDraft(ids);
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });
});
