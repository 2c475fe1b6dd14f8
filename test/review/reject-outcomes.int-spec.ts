import { OutboxService } from '@draftdesk/messaging';
import { HttpErrorFilter, StorableInputPipe } from '@draftdesk/platform';
import { INestApplication } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CustomerThreadReadModel } from '../../apps/conversations/src/conversations/customer-thread.read-model';
import { AuthGuard } from '../../apps/review/src/auth/auth.guard';
import type { Actor } from '../../apps/review/src/auth/principal';
import { CUSTOMER_THREAD } from '../../apps/review/src/customer-thread.token';
import { AuditLogRepository } from '../../apps/review/src/drafts/audit-log.repository';
import { ReviewItemsRepository } from '../../apps/review/src/drafts/review-items.repository';
import { LiveEventsService } from '../../apps/review/src/live/live-events.service';
import { ActionsService } from '../../apps/review/src/queue/actions.service';
import { QueueController } from '../../apps/review/src/queue/queue.controller';
import { QueueService } from '../../apps/review/src/queue/queue.service';
import { ReviewRecordsRepository } from '../../apps/review/src/queue/review-records.repository';
import { REVIEW_OPTIONS } from '../../apps/review/src/review.options';
import { ShopsRepository } from '../../apps/review/src/sla/shops.repository';
import { createTestDatabase, TestDatabase } from '../support/database';
import { seedItem } from './review-fixtures';

/**
 * Rejecting with an outcome and writing a reply, through the queue's HTTP routes on real PostgreSQL with the real
 * migrations: the controller, the services and the repositories as the review app wires them, with the signed-in
 * agent given by the test (sign-in itself is covered by review-api.int-spec.ts).
 */
describe('reject outcomes and written replies', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let app: INestApplication;
  const agent: Actor = { userId: randomUUID(), email: 'agent@shop.test', shopId: 'default', role: 'agent' };
  const other: Actor = { userId: randomUUID(), email: 'other@shop.test', shopId: 'default', role: 'agent' };
  const actors = new Map([agent, other].map((a) => [a.email, a]));

  beforeAll(async () => {
    db = await createTestDatabase('reject_outcomes');
    dataSource = new DataSource({ type: 'postgres', url: db.url, extra: { max: 4 } });
    await dataSource.initialize();
    const moduleRef = await Test.createTestingModule({
      controllers: [QueueController],
      providers: [
        { provide: DataSource, useValue: dataSource },
        ReviewItemsRepository,
        ReviewRecordsRepository,
        AuditLogRepository,
        ShopsRepository,
        OutboxService,
        LiveEventsService,
        QueueService,
        ActionsService,
        { provide: CUSTOMER_THREAD, useValue: new CustomerThreadReadModel(dataSource) },
        { provide: REVIEW_OPTIONS, useValue: { claimTtlSeconds: 300 } },
        { provide: APP_PIPE, useClass: StorableInputPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    })
      .overrideGuard(AuthGuard)
      .useValue({
        canActivate: (ctx: {
          switchToHttp(): { getRequest(): { actor?: Actor; headers: Record<string, string> } };
        }) => {
          const req = ctx.switchToHttp().getRequest();
          req.actor = actors.get(req.headers['x-test-actor'] ?? agent.email);
          return true;
        },
      })
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
    await db?.drop();
  });

  const http = () => request(app.getHttpServer());
  const post = (path: string, body: object, as: Actor = agent) =>
    http().post(`/v1/drafts/${path}`).set('x-test-actor', as.email).send(body);
  const row = async (draftId: string) =>
    (
      await db.query(
        `SELECT status, body, needs_human_reply, assignee_id, close_reason, reject_reason, version FROM review_items WHERE draft_id = $1`,
        [draftId],
      )
    )[0];
  const approvals = (draftId: string) =>
    db.query<{ value: { payload: { body: string; approvedBy: string; autoSent: boolean } } }>(
      `SELECT value FROM outbox WHERE topic LIKE '%reply-approved%' AND value->'payload'->>'draftId' = $1`,
      [draftId],
    );

  it('keeps a reply_myself item open for the agent, finds it in the queue, and sends the reply they write', async () => {
    const { draftId } = await seedItem(db);
    const rejected = await post(`${draftId}/reject`, { outcome: 'reply_myself', reason: 'wrong tone' }).set(
      'If-Match',
      '"1"',
    );
    expect(rejected.status).toBe(200);
    expect(rejected.headers.etag).toBe('"2"');
    expect(rejected.body).toMatchObject({
      status: 'pending',
      needsHumanReply: true,
      assigneeId: agent.userId,
      body: null,
    });
    expect(await row(draftId)).toMatchObject({
      status: 'pending',
      body: null,
      needs_human_reply: true,
      assignee_id: agent.userId,
      reject_reason: 'wrong tone',
    });

    const queue = await http().get('/v1/drafts?needsReply=true&assignee=me').set('x-test-actor', agent.email);
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i: { draftId: string }) => i.draftId)).toEqual([draftId]);
    const others = await http().get('/v1/drafts?needsReply=false').set('x-test-actor', agent.email);
    expect(others.body.items.map((i: { draftId: string }) => i.draftId)).not.toContain(draftId);

    // Approving the set-aside draft as it was has nothing to send; the agent's text goes out through /reply.
    expect((await post(`${draftId}/approve`, {})).body.code).toBe('DRAFT_HAS_NO_TEXT');
    const stale = await post(`${draftId}/reply`, { body: 'Beste Sanne, ik bel je morgen.' }).set('If-Match', '"1"');
    expect(stale.status).toBe(412);
    const sent = await post(`${draftId}/reply`, { body: 'Beste Sanne, ik bel je morgen.', version: 2 });
    expect(sent.status).toBe(200);
    expect(sent.headers.etag).toBe('"3"');
    expect(await row(draftId)).toMatchObject({
      status: 'approved',
      body: 'Beste Sanne, ik bel je morgen.',
      needs_human_reply: false,
    });
    const [event] = await approvals(draftId);
    expect(event.value.payload).toMatchObject({
      body: 'Beste Sanne, ik bel je morgen.',
      approvedBy: agent.email,
      autoSent: false,
    });
    const trail = await http().get(`/v1/drafts/${draftId}/audit`).set('x-test-actor', agent.email);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['write_reply', 'reject_to_reply']);
  });

  it('closes with a close reason, and keeps the old body of a reject working', async () => {
    const spam = await seedItem(db);
    const closed = await post(`${spam.draftId}/reject`, { outcome: 'close', closeReason: 'spam' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'rejected', closeReason: 'spam', rejectReason: null });
    const other = await seedItem(db);
    await post(`${other.draftId}/reject`, { outcome: 'close', closeReason: 'other', reason: 'phoned instead' });
    expect(await row(other.draftId)).toMatchObject({ close_reason: 'other', reject_reason: 'phoned instead' });
    const plain = await seedItem(db);
    expect((await post(`${plain.draftId}/reject`, { reason: 'wrong order' })).body).toMatchObject({
      status: 'rejected',
      rejectReason: 'wrong order',
      closeReason: null,
    });
    for (const item of [spam, other, plain]) expect(await approvals(item.draftId)).toEqual([]);
  });

  it("answers 400 naming the field, 409 for an item with a draft or another agent's claim, and sends nothing", async () => {
    const { draftId } = await seedItem(db);
    const empty = await post(`${draftId}/reply`, { body: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'body' })]);
    const noReason = await post(`${draftId}/reject`, { outcome: 'close' });
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'closeReason' })]);

    const drafted = await post(`${draftId}/reply`, { body: 'Hallo' });
    expect({ status: drafted.status, code: drafted.body.code }).toEqual({ status: 409, code: 'DRAFT_HAS_TEXT' });

    const without = await seedItem(db, { body: null });
    expect((await post(`${without.draftId}/claim`, {}, other)).status).toBe(200);
    const claimed = await post(`${without.draftId}/reply`, { body: 'Hallo' });
    expect({ status: claimed.status, code: claimed.body.code }).toEqual({ status: 409, code: 'DRAFT_CLAIMED' });
    const written = await post(`${without.draftId}/reply`, { body: 'Hallo Sanne' }, other);
    expect(written.body).toMatchObject({ status: 'approved', body: 'Hallo Sanne', decidedBy: other.email });
    expect(await approvals(draftId)).toEqual([]);
    expect(await approvals(without.draftId)).toHaveLength(1);
  });
});
