import { HttpErrorFilter } from '@draftdesk/platform';
import { INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { sampleShopDir } from '@draftdesk/shop';
import { AuthGuard } from '../../apps/review/src/auth/auth.guard';
import type { Principal, Role } from '../../apps/review/src/auth/principal';
import { ReviewAuthenticator } from '../../apps/review/src/auth/review.authenticator';
import { ReportsController } from '../../apps/review/src/reports/reports.controller';
import { ReportsReadModel } from '../../apps/review/src/reports/reports.read-model';
import { ShopPoliciesRepository } from '../../apps/review/src/policy/shop-policies.repository';
import { ReportsService } from '../../apps/review/src/reports/reports.service';
import { REVIEW_OPTIONS } from '../../apps/review/src/review.options';
import { createTestDatabase, TestDatabase } from '../support/database';
import { seedAudit, seedReportItem } from './reports-fixtures';

/**
 * GET /v1/reports on real PostgreSQL with the real migrations: a hand-made week of the default shop (Amsterdam
 * time) whose every figure is worked out below, the validation of the range, who may read it, and the CSV.
 * The real AuthGuard decides roles; only who is signed in comes from the test.
 */
describe('reports', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let app: INestApplication;
  let shopDir: string;
  const principal = (email: string, role: Role): Principal => ({
    userId: randomUUID(),
    email,
    name: email,
    locale: 'en',
    memberships: [{ shopId: 'default', role }],
    via: 'token',
  });
  const people = new Map(
    [principal('lead@shop.test', 'lead'), principal('agent@shop.test', 'agent')].map((p) => [p.email, p]),
  );

  beforeAll(async () => {
    db = await createTestDatabase('reports');
    dataSource = new DataSource({ type: 'postgres', url: db.url, extra: { max: 6 } });
    await dataSource.initialize();
    // The shop folder as the drafter reads it, with auto-send on for two intents.
    shopDir = mkdtempSync(join(tmpdir(), 'reports-shop-'));
    cpSync(sampleShopDir(), shopDir, { recursive: true });
    writeFileSync(
      join(shopDir, 'policy.yaml'),
      'autoSend:\n  enabled: true\n  intents: [track_order, delivery_options]\n  minConfidence:\n    default: 0.9\n    track_order: 0.85\n',
    );
    const moduleRef = await Test.createTestingModule({
      controllers: [ReportsController],
      providers: [
        { provide: DataSource, useValue: dataSource },
        ReportsReadModel,
        ReportsService,
        ShopPoliciesRepository,
        AuthGuard,
        {
          provide: ReviewAuthenticator,
          useValue: {
            authenticate: async (req: { headers: Record<string, string> }) =>
              people.get(req.headers['x-test-user']) ?? null,
          },
        },
        { provide: REVIEW_OPTIONS, useValue: { shopDir } },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    await seedWeek();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
    await db?.drop();
    if (shopDir) rmSync(shopDir, { recursive: true, force: true });
  });

  const get = (query: string, as = 'lead@shop.test') =>
    request(app.getHttpServer()).get(`/v1/reports${query}`).set('x-test-user', as);

  /**
   * 2 to 4 November 2026, Amsterdam (UTC+1). Resolution: customer message → reply sent or item closed; first
   * response: customer message → our first reply; handling: the agent's claim → their decision.
   */
  async function seedWeek() {
    await db.query(`INSERT INTO users (id, email, name) VALUES ($1, 'anna@shop.test', 'Anna Agent')`, [randomUUID()]);
    // A: auto-sent a minute after the message, reply out at 2 min; due in an hour → met.
    await seedReportItem(db, {
      intent: 'track_order',
      channel: 'email',
      status: 'auto_sent',
      receivedAt: '2026-11-02T09:00:00Z',
      draftedAfterSeconds: 60,
      dueAt: '2026-11-02T10:00:00Z',
      repliedAt: '2026-11-02T09:02:00Z',
    });
    // B: chat, approved as drafted by Anna after 10 min (claimed 2 min before); due at 5 min → missed.
    const b = await seedReportItem(db, {
      intent: 'track_order',
      channel: 'chat',
      status: 'approved',
      receivedAt: '2026-11-02T10:00:00Z',
      draftedAfterSeconds: 30,
      decidedAt: '2026-11-02T10:10:00Z',
      decidedBy: 'anna@shop.test',
      dueAt: '2026-11-02T10:05:00Z',
      repliedAt: '2026-11-02T10:10:00Z',
    });
    await seedAudit(db, 'anna@shop.test', 'claim', b.draftId, '2026-11-02T10:08:00Z');
    await seedAudit(db, 'anna@shop.test', 'approve', b.draftId, '2026-11-02T10:10:00Z');
    // H: Bram set the draft aside to write the reply himself (edit distance 1), sent after 30 min; due at 60 → met.
    const h = await seedReportItem(db, {
      intent: 'track_order',
      channel: 'email',
      status: 'approved',
      receivedAt: '2026-11-02T12:00:00Z',
      decidedAt: '2026-11-02T12:30:00Z',
      decidedBy: 'bram@shop.test',
      drafted: 'Beste Sanne, je pakket is onderweg.',
      sent: 'Wij zoeken het uit.',
      dueAt: '2026-11-02T13:00:00Z',
      repliedAt: '2026-11-02T12:30:00Z',
    });
    await seedAudit(db, 'bram@shop.test', 'claim', h.draftId, '2026-11-02T12:10:00Z');
    await seedAudit(db, 'bram@shop.test', 'reject_to_reply', h.draftId, '2026-11-02T12:15:00Z');
    await seedAudit(db, 'bram@shop.test', 'write_reply', h.draftId, '2026-11-02T12:30:00Z');
    // C: Anna changed one word of four (0.25) and approved after an hour; due at noon → met.
    const c = await seedReportItem(db, {
      intent: 'return_request',
      channel: 'email',
      status: 'approved',
      receivedAt: '2026-11-03T08:00:00Z',
      decidedAt: '2026-11-03T09:00:00Z',
      decidedBy: 'anna@shop.test',
      drafted: 'je pakket is onderweg',
      sent: 'je pakket is bezorgd',
      dueAt: '2026-11-03T12:00:00Z',
      repliedAt: '2026-11-03T09:00:00Z',
    });
    await seedAudit(db, 'anna@shop.test', 'claim', c.draftId, '2026-11-03T08:50:00Z');
    await seedAudit(db, 'anna@shop.test', 'edit_and_approve', c.draftId, '2026-11-03T09:00:00Z');
    // D: 23:30 UTC is 00:30 on the 4th in Amsterdam. Bram closed it as spam an hour later; no reply.
    const d = await seedReportItem(db, {
      intent: 'return_request',
      channel: 'email',
      status: 'rejected',
      receivedAt: '2026-11-03T23:30:00Z',
      decidedAt: '2026-11-04T00:30:00Z',
      decidedBy: 'bram@shop.test',
      closeReason: 'spam',
      dueAt: '2026-11-04T09:00:00Z',
    });
    await seedAudit(db, 'bram@shop.test', 'claim', d.draftId, '2026-11-04T00:20:00Z');
    await seedAudit(db, 'bram@shop.test', 'reject', d.draftId, '2026-11-04T00:30:00Z');
    // E: still pending, past its due time → counts against the SLA.
    await seedReportItem(db, {
      intent: 'track_order',
      channel: 'email',
      status: 'pending',
      receivedAt: '2026-11-04T10:00:00Z',
      dueAt: '2026-11-04T11:00:00Z',
    });
    // Outside the report: the 5th in Amsterdam, another shop, and a decision after the range.
    const late = await seedReportItem(db, {
      intent: 'track_order',
      channel: 'email',
      status: 'approved',
      receivedAt: '2026-11-04T23:30:00Z',
      decidedAt: '2026-11-05T08:00:00Z',
      decidedBy: 'anna@shop.test',
    });
    await seedAudit(db, 'anna@shop.test', 'approve', late.draftId, '2026-11-05T08:00:00Z');
    await seedReportItem(db, {
      shopId: 'other',
      intent: 'track_order',
      channel: 'email',
      status: 'auto_sent',
      receivedAt: '2026-11-03T10:00:00Z',
    });
  }

  it('computes every figure per intent and in all, beside the policy, from what the desk and the pipeline recorded', async () => {
    const res = await get('?from=2026-11-02&to=2026-11-04');
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.days).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
    expect(r.volume).toEqual({
      byChannel: { email: [2, 1, 2], chat: [1, 0, 0] },
      byIntent: { track_order: [3, 0, 1], return_request: [0, 1, 1] },
    });
    expect(r.autoSendEnabled).toBe(true);
    expect(r.totals).toEqual({
      intent: null,
      volume: 6,
      autoSent: 1,
      approved: 3,
      approvedUnchanged: 1,
      rejected: 1,
      autoSendRate: 0.25,
      approvedUnchangedRate: 0.3333,
      editDistance: 0.4167, // (0 + 0.25 + 1) / 3
      firstResponse: { count: 4, p50: 1200, p90: 3060 }, // 120, 600, 1800, 3600 s
      resolution: { p50: 1800, p90: 3600 }, // 60, 600, 1800, 3600, 3600 s
      sla: { due: 6, met: 4, attainment: 0.6667 },
      topRejectReason: 'reply_myself',
      policy: null,
    });
    expect(r.intents.map((i: { intent: string }) => i.intent)).toEqual([
      'track_order',
      'return_request',
      'delivery_options',
    ]);
    expect(r.intents[0]).toEqual({
      intent: 'track_order',
      volume: 4,
      autoSent: 1,
      approved: 2,
      approvedUnchanged: 1,
      rejected: 0,
      autoSendRate: 0.3333,
      approvedUnchangedRate: 0.5,
      editDistance: 0.5,
      firstResponse: { count: 3, p50: 600, p90: 1560 },
      resolution: { p50: 600, p90: 1560 },
      sla: { due: 4, met: 2, attainment: 0.5 },
      topRejectReason: 'reply_myself',
      policy: { enabled: true, minConfidence: 0.85 },
    });
    expect(r.intents[1]).toMatchObject({
      intent: 'return_request',
      volume: 2,
      autoSendRate: 0,
      approvedUnchangedRate: 0,
      editDistance: 0.25,
      firstResponse: { count: 1, p50: 3600, p90: 3600 },
      sla: { due: 2, met: 2, attainment: 1 },
      topRejectReason: 'spam',
      policy: { enabled: false, minConfidence: 0.9 },
    });
    expect(r.intents[2]).toMatchObject({
      intent: 'delivery_options',
      volume: 0,
      autoSendRate: null,
      firstResponse: { count: 0, p50: null, p90: null },
      policy: { enabled: true, minConfidence: 0.9 },
    });
    expect(r.rejectReasons).toEqual([
      { reason: 'reply_myself', count: 1 },
      { reason: 'spam', count: 1 },
    ]);
    expect(r.agents).toEqual([
      // reject 600 s, reject_to_reply 300 s, write_reply 1200 s after the claim
      {
        email: 'bram@shop.test',
        name: null,
        decisions: 3,
        approved: 1,
        approvedUnchanged: 0,
        medianHandlingSeconds: 600,
      },
      // approve 120 s, edit_and_approve 600 s
      {
        email: 'anna@shop.test',
        name: 'Anna Agent',
        decisions: 2,
        approved: 2,
        approvedUnchanged: 1,
        medianHandlingSeconds: 360,
      },
    ]);
  });

  it('shows the policy saved on the settings page beside each intent once there is one', async () => {
    await db.query(
      `INSERT INTO shop_policies (shop_id, version, policy, saved_by) VALUES ('default', 1, $1, 'admin@shop.test')`,
      [
        JSON.stringify({
          autoSend: { enabled: true, intents: ['return_request'], minConfidence: 0.8 },
          limits: { maxRefundAmount: 0, maxDiscountPercent: 0, currency: 'EUR' },
          escalateOn: [],
        }),
      ],
    );
    try {
      const r = (await get('?from=2026-11-02&to=2026-11-04')).body;
      const policyOf = (intent: string) =>
        r.intents.find((i: { intent: string | null }) => i.intent === intent)?.policy;
      expect([policyOf('track_order'), policyOf('return_request')]).toEqual([
        { enabled: false, minConfidence: 0.8 },
        { enabled: true, minConfidence: 0.8 },
      ]);
    } finally {
      await db.query(`DELETE FROM shop_policies`);
    }
  });

  it('reports a single day in the shop time zone', async () => {
    const res = await get('?from=2026-11-04&to=2026-11-04');
    expect(res.status).toBe(200);
    expect(res.body.volume.byChannel).toEqual({ email: [2] });
    expect(res.body.totals).toMatchObject({ volume: 2, rejected: 1, sla: { due: 2, met: 1 } });
    expect(res.body.agents).toEqual([expect.objectContaining({ email: 'bram@shop.test', decisions: 1 })]);
  });

  it("counts a draft set aside for the agent's own reply, still unanswered, as turned down to reply oneself", async () => {
    const { draftId } = await seedReportItem(db, {
      intent: 'complaint',
      channel: 'email',
      status: 'pending',
      receivedAt: '2026-11-10T09:00:00Z',
    });
    await db.query(`UPDATE review_items SET needs_human_reply = true, body = NULL WHERE draft_id = $1`, [draftId]);
    const res = await get('?from=2026-11-10&to=2026-11-10');
    expect(res.body.rejectReasons).toEqual([{ reason: 'reply_myself', count: 1 }]);
    expect(res.body.intents[0]).toMatchObject({ intent: 'complaint', volume: 1, topRejectReason: 'reply_myself' });
  });

  it.each([
    ['', 'from'],
    ['?from=2026-11-02', 'to'],
    ['?from=2026-11-31&to=2026-12-01', 'from'],
    ['?from=02-11-2026&to=2026-11-04', 'from'],
    ['?from=2026-11-04&to=2026-11-02', 'to'],
    ['?from=2025-11-01&to=2026-11-02', 'to'],
    ['?from=2026-11-02&to=2026-11-04&format=xml', 'format'],
    ['?from=2026-11-02&to=2026-11-04&days=7', 'days'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(res.body.message).toContain(field);
  });

  it('takes a full year (366 days) and no more', async () => {
    expect((await get('?from=2024-01-01&to=2024-12-31')).status).toBe(200);
    expect((await get('?from=2024-01-01&to=2025-01-01')).status).toBe(400);
  });

  it('is for leads and admins: an agent gets 403, a stranger 401', async () => {
    const agent = await get('?from=2026-11-02&to=2026-11-04', 'agent@shop.test');
    expect(agent.status).toBe(403);
    expect(agent.body.code).toBe('ROLE_REQUIRED');
    expect((await get('?from=2026-11-02&to=2026-11-04', 'nobody@shop.test')).status).toBe(401);
  });

  it('exports the same tables as CSV', async () => {
    const res = await get('?from=2026-11-02&to=2026-11-04&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="draftdesk-report-2026-11-02-2026-11-04.csv"',
    );
    const tables = res.text
      .trimEnd()
      .split('\r\n\r\n')
      .map((t) => t.split('\r\n').map((line) => line.split(',')));
    expect(tables.map(([[name]]) => name)).toEqual([
      'per_intent',
      'volume_per_day_by_channel',
      'volume_per_day_by_intent',
      'reject_reasons',
      'per_agent',
    ]);
    for (const [, header, ...rows] of tables) for (const row of rows) expect(row).toHaveLength(header.length);
    const [, intentHeader, ...intentRows] = tables[0];
    expect(intentHeader.slice(0, 3)).toEqual(['intent', 'volume', 'auto_sent']);
    expect(intentRows.map((r) => r.join(','))).toEqual([
      'track_order,4,1,2,1,0,0.3333,0.5,0.5,3,600,1560,600,1560,4,2,0.5,reply_myself,true,0.85',
      'return_request,2,0,1,0,1,0,0,0.25,1,3600,3600,3600,3600,2,2,1,spam,false,0.9',
      'delivery_options,0,0,0,0,0,,,,0,,,,,0,0,,,true,0.9',
      'all,6,1,3,1,1,0.25,0.3333,0.4167,4,1200,3060,1800,3600,6,4,0.6667,reply_myself,,',
    ]);
    expect(tables[1].slice(1).map((r) => r.join(','))).toEqual([
      'day,chat,email',
      '2026-11-02,1,2',
      '2026-11-03,0,1',
      '2026-11-04,0,2',
    ]);
    expect(tables[4].slice(1).map((r) => r.join(','))).toEqual([
      'email,name,decisions,approved,approved_unchanged,median_handling_seconds',
      'bram@shop.test,,3,1,0,600',
      'anna@shop.test,Anna Agent,2,2,1,360',
    ]);
  });
});
