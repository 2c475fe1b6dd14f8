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
 * Escalation as a lead's queue, through the queue's HTTP routes on real PostgreSQL with the real migrations: the
 * reason stays on the item, the lead finds it with escalated=true, and hands it back to the agent with a note.
 */
describe("escalation: the lead's queue and hand back", () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let app: INestApplication;
  const agent: Actor = { userId: randomUUID(), email: 'agent@shop.test', shopId: 'default', role: 'agent' };
  const lead: Actor = { userId: randomUUID(), email: 'lead@shop.test', shopId: 'default', role: 'lead' };
  const actors = new Map([agent, lead].map((a) => [a.email, a]));

  beforeAll(async () => {
    db = await createTestDatabase('escalation');
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
    for (const a of [agent, lead]) {
      await db.query(`INSERT INTO users (id, email) VALUES ($1, $2)`, [a.userId, a.email]);
      await db.query(`INSERT INTO memberships (user_id, shop_id, role) VALUES ($1, 'default', $2)`, [a.userId, a.role]);
    }
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
    await db?.drop();
  });

  const http = () => request(app.getHttpServer());
  const post = (path: string, body: object, as: Actor = agent) =>
    http().post(`/v1/drafts/${path}`).set('x-test-actor', as.email).send(body);
  const leadQueue = async () =>
    (await http().get('/v1/drafts?escalated=true').set('x-test-actor', lead.email)).body.items.map(
      (i: { draftId: string; escalationReason: string | null }) => [i.draftId, i.escalationReason],
    );

  it('keeps the reason for the lead, who hands it back to the agent with a note; then the agent decides', async () => {
    const { draftId } = await seedItem(db);
    const escalated = await post(`${draftId}/escalate`, { reason: 'Refund above my limit', version: 1 });
    expect(escalated.status).toBe(200);
    expect(escalated.body).toMatchObject({ escalated: true, escalationReason: 'Refund above my limit' });
    expect(await leadQueue()).toEqual([[draftId, 'Refund above my limit']]);
    // Escalated: the agent can no longer decide it, nor hand it back.
    expect((await post(`${draftId}/approve`, { version: 2 })).status).toBe(403);
    expect((await post(`${draftId}/hand-back`, { version: 2 })).status).toBe(403);

    const back = await post(`${draftId}/hand-back`, { note: 'Go ahead: refund 80 euro.', version: 2 }, lead);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ escalated: false, escalationReason: null, assigneeId: agent.userId });
    expect(await leadQueue()).toEqual([]);
    const detail = await http().get(`/v1/drafts/${draftId}`).set('x-test-actor', agent.email);
    expect(detail.body.notes).toEqual([expect.objectContaining({ body: 'Go ahead: refund 80 euro.' })]);
    const audit = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
      draftId,
    ]);
    expect(audit.map((a) => a.action)).toEqual(['escalate', 'hand_back']);
    expect((await post(`${draftId}/approve`, { version: 3 })).status).toBe(200);
  });

  it('names the field of a bad hand back and refuses an item that is not escalated', async () => {
    const { draftId } = await seedItem(db);
    const bad = await post(`${draftId}/hand-back`, { assigneeId: 'someone', version: 1 }, lead);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'assigneeId' })]);
    const plain = await post(`${draftId}/hand-back`, { version: 1 }, lead);
    expect(plain.status).toBe(409);
    expect(plain.body.code).toBe('DRAFT_NOT_ESCALATED');
  });
});
