import type { TriagedPayload } from '@draftdesk/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DraftRepository } from '../../apps/drafter/src/drafts/draft.repository';
import { DraftsService } from '../../apps/drafter/src/drafts/drafts.service';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { RunningService, startService } from '../support/services';
import { SessionClient } from './review-fixtures';

/** A policy the way the settings page sends it: auto-send on for two intents, no business hours. */
const CANDIDATE = {
  autoSend: {
    enabled: true,
    intents: ['track_order', 'delivery_period'],
    minConfidence: { default: 0.9, track_order: 0.85 },
  },
  limits: { maxRefundAmount: 50, maxDiscountPercent: 10, currency: 'EUR' },
  escalateOn: ['legal_threat', 'very_negative'],
};

interface Decided {
  intent: string;
  confidence: number;
  decision: 'auto_send' | 'review' | 'escalate' | 'ignore';
  reasons: string[];
  body?: string | null;
  sentiment?: string;
  urgency?: string;
  triageReasons?: string[];
  createdAt: Date;
}

interface PolicyView {
  source: 'file' | 'desk';
  version: number | null;
  savedBy: string | null;
  policy: Record<string, unknown> & { autoSend: { enabled: boolean } };
}

interface Preview {
  considered: number;
  summary: { toAutoSend: number; fromAutoSend: number; changed: number };
  items: {
    draftId: string;
    changed: boolean;
    then: { decision: string };
    candidate: { decision: string; reasons: string[] };
  }[];
}

/**
 * The shop's policy on the desk's settings page, through the review API on the real PostgreSQL: who may read and
 * save it, how a bad policy is refused, the audit trail, the preview on the last 100 drafted messages against counts
 * worked out by hand, and the drafter deciding its next draft by the saved policy (the same database, as the
 * distributed services share it).
 */
describe('shop policy on the settings page', () => {
  const password = 'policy password 12';
  let db: TestDatabase;
  let review: RunningService;
  let dataSource: DataSource;
  let admin: SessionClient;
  let lead: SessionClient;
  let agent: SessionClient;

  beforeAll(async () => {
    db = await createTestDatabase('policy_settings');
    review = await startService(
      'review',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: engines.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: `ps-${randomBytes(4).toString('hex')}.`,
        REVIEW_ADMIN_EMAIL: 'admin@shop.test',
        REVIEW_ADMIN_PASSWORD: password,
      },
      'policy-settings',
    );
    await review.ready();
    admin = new SessionClient(review.url);
    expect((await admin.login('admin@shop.test', password)).status).toBe(200);
    for (const [email, role] of [
      ['lead@shop.test', 'lead'],
      ['agent@shop.test', 'agent'],
    ] as const) {
      const res = await admin.fetch('/v1/users', { method: 'POST', json: { email, name: role, password, role } });
      expect(res.status).toBe(201);
    }
    lead = new SessionClient(review.url);
    agent = new SessionClient(review.url);
    expect((await lead.login('lead@shop.test', password)).status).toBe(200);
    expect((await agent.login('agent@shop.test', password)).status).toBe(200);
    dataSource = new DataSource({ type: 'postgres', url: db.url, extra: { max: 2 } });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await review?.kill('SIGTERM');
    await db?.drop();
  });

  const save = (c: SessionClient, json: unknown) => c.fetch('/v1/shop/policy', { method: 'PUT', json });
  const preview = (c: SessionClient, json: unknown) => c.fetch('/v1/shop/policy/preview', { method: 'POST', json });

  it('shows leads the policy of the shop folder until an admin saves one; agents see none of it', async () => {
    const res = await lead.fetch('/v1/shop/policy');
    expect(res.status).toBe(200);
    const view = (await res.json()) as PolicyView & { intents: string[] };
    expect(view).toMatchObject({ source: 'file', version: null, savedBy: null });
    // The sample shop's policy.yaml: auto-send off, its intents listed, the canary kept out of sight.
    expect(view.policy.autoSend).toMatchObject({ enabled: false, intents: expect.arrayContaining(['track_order']) });
    expect(view.policy).not.toHaveProperty('canary');
    expect(view.intents).toContain('delivery_period');

    expect((await agent.fetch('/v1/shop/policy')).status).toBe(403);
    expect((await save(agent, CANDIDATE)).status).toBe(403);
    expect((await preview(agent, CANDIDATE)).status).toBe(403);
    expect((await save(lead, CANDIDATE)).status).toBe(403);
    expect((await db.query(`SELECT count(*)::int AS n FROM shop_policies`))[0]).toEqual({ n: 0 });
  });

  it('refuses a bad policy with every bad field named, and saves nothing', async () => {
    const bad = {
      autoSend: { enabled: true, intents: ['track_order', 'fly_to_the_moon'], minConfidence: 1.5 },
      limits: { maxRefundAmount: -1, maxDiscountPercent: 10, currency: 'euro' },
      escalateOn: ['legal_threat'],
      businessHours: { timezone: 'Europe/Amsterdam', days: [1], start: '17:00', end: '09:00' },
      canary: 'DD-CANARY-mine-now',
      autoReply: true,
    };
    for (const send of [save, preview]) {
      const res = await send(admin, bad);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { statusCode: number; code: string; errors: { field: string }[] };
      expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(body.errors.map((e) => e.field).sort()).toEqual([
        'autoReply',
        'autoSend.intents[1]',
        'autoSend.minConfidence',
        'businessHours.end',
        'canary',
        'limits.currency',
        'limits.maxRefundAmount',
      ]);
    }
    expect((await db.query(`SELECT count(*)::int AS n FROM shop_policies`))[0]).toEqual({ n: 0 });
  });

  it('the drafter decides its next draft by the policy an admin saved, and each save is audited', async () => {
    const drafter = new DraftsService(
      { messageIdDomain: 'replies.shop.test' },
      dataSource,
      new DraftRepository(dataSource),
    );
    const message = triaged();
    const before = await drafter.compose(message);
    expect(before.decision).toBe('review');
    expect(before.reasons).toContain('auto_send_disabled');

    const res = await save(admin, CANDIDATE);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      source: 'desk',
      version: 1,
      savedBy: 'admin@shop.test',
      policy: CANDIDATE,
    });

    const after = await drafter.compose(message);
    expect({ decision: after.decision, reasons: after.reasons }).toEqual({
      decision: 'auto_send',
      reasons: ['policy_allows'],
    });

    // A second version: auto-send off again, and the next draft follows it at once.
    const off = { ...CANDIDATE, autoSend: { ...CANDIDATE.autoSend, enabled: false } };
    expect((await save(admin, off)).status).toBe(200);
    expect((await drafter.compose(message)).reasons).toContain('auto_send_disabled');
    const view = (await (await lead.fetch('/v1/shop/policy')).json()) as PolicyView;
    expect(view).toMatchObject({ source: 'desk', version: 2, policy: { autoSend: { enabled: false } } });

    const audit = await db.query<{ actor: string; action: string; entity_id: string; before: any; after: any }>(
      `SELECT actor, action, entity_id, before, after FROM audit_log WHERE entity = 'shop_policy' ORDER BY id`,
    );
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      actor: 'admin@shop.test',
      action: 'policy_update',
      entity_id: 'default',
      before: { source: 'file', version: null, policy: { autoSend: { enabled: false } } },
      after: { source: 'desk', version: 1, policy: CANDIDATE },
    });
    expect(audit[1]).toMatchObject({
      before: { source: 'desk', version: 1, policy: CANDIDATE },
      after: { source: 'desk', version: 2, policy: off },
    });
    expect(audit[0].before.policy).not.toHaveProperty('canary');
  });

  it('previews a candidate on the last 100 drafted messages: what was decided then and what it would decide', async () => {
    await db.query(`DELETE FROM review_items`);
    const hour = new Date(Date.now() - 3600_000);
    const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);
    const named: Record<string, Decided> = {
      // Held only because auto-send was off: the candidate sends it.
      offOnly: {
        intent: 'track_order',
        confidence: 0.95,
        decision: 'review',
        reasons: ['auto_send_disabled'],
        createdAt: at(hour, 1),
      },
      // Not sure enough for 0.85.
      unsure: {
        intent: 'track_order',
        confidence: 0.8,
        decision: 'review',
        reasons: ['auto_send_disabled', 'low_confidence:0.80'],
        createdAt: at(hour, 2),
      },
      // Another intent the candidate sends, at the default 0.9.
      period: {
        intent: 'delivery_period',
        confidence: 0.92,
        decision: 'review',
        reasons: ['auto_send_disabled', 'intent_not_auto:delivery_period'],
        createdAt: at(hour, 3),
      },
      // A fact the drafter could not ground: no policy sends that.
      ungrounded: {
        intent: 'track_order',
        confidence: 0.97,
        decision: 'review',
        reasons: ['ungrounded:amount:12.50', 'auto_send_disabled'],
        createdAt: at(hour, 4),
      },
      // Sent on its own under the old policy; the candidate leaves refunds to a person.
      refund: {
        intent: 'get_refund',
        confidence: 0.97,
        decision: 'auto_send',
        reasons: ['policy_allows'],
        createdAt: at(hour, 5),
      },
      legal: {
        intent: 'complaint',
        confidence: 0.99,
        decision: 'escalate',
        reasons: ['escalate:legal_threat', 'auto_send_disabled'],
        triageReasons: ['legal_threat'],
        createdAt: at(hour, 6),
      },
      // Negative and urgent is "very negative", which the candidate escalates.
      angry: {
        intent: 'track_order',
        confidence: 0.95,
        decision: 'review',
        reasons: ['auto_send_disabled'],
        sentiment: 'negative',
        urgency: 'urgent',
        createdAt: at(hour, 7),
      },
      automated: {
        intent: 'other',
        confidence: 1,
        decision: 'ignore',
        reasons: ['automated'],
        body: null,
        createdAt: at(hour, 8),
      },
      // 15 % off is above the candidate's 10 %.
      discount: {
        intent: 'track_order',
        confidence: 0.95,
        decision: 'review',
        reasons: ['auto_send_disabled'],
        body: 'Je pakket is onderweg. Als goedmaker krijg je 15% korting op je volgende bestelling.',
        createdAt: at(hour, 9),
      },
    };
    const ids: Record<string, string> = {};
    for (const [name, d] of Object.entries(named)) ids[name] = await seedDecided(d);
    // 95 older ones the candidate holds as they were held, and the oldest, which it would send but which is not
    // among the last 100.
    const twoDays = new Date(Date.now() - 2 * 86_400_000);
    for (let i = 0; i < 95; i++)
      await seedDecided({
        intent: 'complaint',
        confidence: 0.5,
        decision: 'review',
        reasons: ['auto_send_disabled', 'intent_not_auto:complaint', 'low_confidence:0.50'],
        createdAt: at(twoDays, i),
      });
    ids.tooOld = await seedDecided({
      intent: 'track_order',
      confidence: 0.95,
      decision: 'review',
      reasons: ['auto_send_disabled'],
      createdAt: new Date(Date.now() - 3 * 86_400_000),
    });

    const res = await preview(lead, CANDIDATE);
    expect(res.status).toBe(200);
    const result = (await res.json()) as Preview;
    expect(result.considered).toBe(100);
    expect(result.summary).toEqual({ toAutoSend: 2, fromAutoSend: 1, changed: 4 });
    const byId = new Map(result.items.map((i) => [i.draftId, i]));
    expect(byId.has(ids.tooOld)).toBe(false);
    const outcome = (name: string) => {
      const item = byId.get(ids[name])!;
      return [item.then.decision, item.candidate.decision];
    };
    expect(Object.fromEntries(Object.keys(named).map((n) => [n, outcome(n)]))).toEqual({
      offOnly: ['review', 'auto_send'],
      unsure: ['review', 'review'],
      period: ['review', 'auto_send'],
      ungrounded: ['review', 'review'],
      refund: ['auto_send', 'review'],
      legal: ['escalate', 'escalate'],
      angry: ['review', 'escalate'],
      automated: ['ignore', 'ignore'],
      discount: ['review', 'review'],
    });
    expect(byId.get(ids.refund)!.candidate.reasons).toEqual(['intent_not_auto:get_refund']);
    expect(byId.get(ids.discount)!.candidate.reasons).toEqual(['discount_above_limit:15']);
    expect(byId.get(ids.angry)!.candidate.reasons).toEqual(['escalate:very_negative']);
    expect(
      result.items
        .filter((i) => i.changed)
        .map((i) => i.draftId)
        .sort(),
    ).toEqual([ids.offOnly, ids.period, ids.refund, ids.angry].sort());
    // A preview changes nothing: the policy in force is still the second version.
    expect((await db.query(`SELECT max(version) AS v FROM shop_policies`))[0]).toEqual({ v: 2 });
  });

  /** A customer message with triage's verdict, and the desk's item of its draft as the gate decided it then. */
  async function seedDecided(d: Decided): Promise<string> {
    const [customerId, conversationId, messageId, draftId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const address = `c-${randomBytes(4).toString('hex')}@example.test`;
    await db.query(`INSERT INTO customers (id, address, name) VALUES ($1, $2, 'Sanne')`, [customerId, address]);
    await db.query(
      `INSERT INTO conversations (id, customer_id, channel, mailbox, subject, normalized_subject, token)
       VALUES ($1, $2, 'email', 'support@shop.test', 'Vraag', 'vraag', $3)`,
      [conversationId, customerId, randomBytes(8).toString('hex')],
    );
    const triage = {
      language: 'nl',
      intent: d.intent,
      confidence: d.confidence,
      sentiment: d.sentiment ?? 'neutral',
      urgency: d.urgency ?? 'normal',
      reasons: d.triageReasons ?? [],
      entities: [],
      flags: [],
      engine: 'test',
    };
    await db.query(
      `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, subject, text, new_text, triage, occurred_at)
       VALUES ($1, $2, 'inbound', 'email', $3, $4, 'Vraag', 'Vraag', 'Vraag', $5, $6)`,
      [messageId, conversationId, `<${messageId}@example.test>`, address, JSON.stringify(triage), d.createdAt],
    );
    const body = d.body === undefined ? 'Je pakket is onderweg.' : d.body;
    const payload = {
      draftId,
      messageId,
      channel: 'email',
      to: { address, name: 'Sanne' },
      mailbox: 'support@shop.test',
      subject: 'Re: Vraag',
      body,
      language: 'nl',
      intent: d.intent,
      confidence: d.confidence,
      decision: d.decision,
      reasons: d.reasons,
      citations: [],
      reply: { messageId: `${draftId}@replies.shop.test`, inReplyTo: null, references: [] },
      chat: null,
      customerText: 'Vraag',
    };
    const status = { auto_send: 'auto_sent', review: 'approved', escalate: 'approved', ignore: 'ignored' }[d.decision];
    await db.query(
      `INSERT INTO review_items (draft_id, conversation_id, status, decision, payload, body, shop_id, channel, intent, language, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'default', 'email', $7, 'nl', $8)`,
      [draftId, conversationId, status, d.decision, JSON.stringify(payload), body, d.intent, d.createdAt],
    );
    return draftId;
  }
});

/** Sanne's question about order 100234 as triage hands it to the drafter. */
function triaged(): TriagedPayload {
  const messageId = randomUUID();
  return {
    messageId,
    channel: 'email',
    customer: { id: randomUUID(), address: 'customer@example.test', name: 'Sanne de Vries' },
    mailbox: 'support@shop.test',
    subject: 'Waar blijft bestelling 100234?',
    text: 'Hallo, waar blijft mijn bestelling 100234?',
    html: null,
    automated: { automated: false, kind: null, reasons: [] },
    reply: { inReplyTo: `<${messageId}@example.test>`, references: [`<${messageId}@example.test>`] },
    chat: null,
    history: [],
    triage: {
      language: 'nl',
      intent: 'track_order',
      confidence: 0.97,
      sentiment: 'neutral',
      urgency: 'normal',
      reasons: [],
      entities: [{ type: 'order_number', value: '100234' }],
      flags: [],
      engine: 'test',
    },
  };
}
