// Learning from people against the real PostgreSQL: corrections and approvals → `draftdesk train --from-db` →
// a shop's own model, used by triage for that shop only; and the per-shop language-model token budget in Postgres.
import { MessageAddedPayload } from '@draftdesk/contracts';
import { readLabelledHistory, SqlQuery, SqlTokenUsageStore } from '@draftdesk/triage';
import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource, EntityManager } from 'typeorm';
import { ShopModelsService } from '../../apps/triage/src/triage/shop-models.service';
import { TriageOptions } from '../../apps/triage/src/triage/triage.options';
import { shopOf, TriageService } from '../../apps/triage/src/triage/triage.service';
import { TriageRepository } from '../../apps/triage/src/triage/triage.repository';
import { createTestDatabase, TestDatabase } from '../support/database';
import { runCli } from './cli.util';

const SHOP = 'fietsen';
const BIKE_REPAIR = [
  'Mijn fiets maakt een raar geluid bij het trappen, kunnen jullie hem nakijken?',
  'De ketting van mijn e-bike springt er steeds af, graag een reparatie',
  'Can you repair the gears on my bicycle? They slip all the time',
  'Mijn achterwiel slingert, wanneer kan ik langskomen voor reparatie?',
  'The brakes on my bike squeak and barely work, please fix them',
  'Ik heb een lekke band en de verlichting doet het niet meer, kunnen jullie dat maken?',
  'My e-bike motor stopped working, I need it repaired',
  'De trapas kraakt, kan ik een afspraak maken in de werkplaats?',
  'Could I book a repair for my bike, the spokes are broken',
  'Mijn fiets moet gerepareerd worden, het stuur zit los',
];

function payload(text: string, shopId?: string): MessageAddedPayload {
  const base = {
    messageId: randomUUID(),
    channel: 'email' as const,
    customer: { id: randomUUID(), address: 'klant@example.test', name: 'Klant' },
    mailbox: null,
    subject: '',
    text,
    html: null,
    automated: { automated: false, kind: null, reasons: [] },
    reply: { inReplyTo: null, references: [] },
    chat: null,
    history: [],
  };
  return (shopId ? { ...base, shopId } : base) as MessageAddedPayload;
}

describe("triage learns from a shop's reviewers (PostgreSQL)", () => {
  let db: TestDatabase;
  let query: SqlQuery;
  let customerId: string;
  let conversationId: string;

  async function message(text: string): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, text, new_text, occurred_at)
       VALUES ($1, $2, 'inbound', 'email', $3, 'klant@example.test', $4, $4, now())`,
      [id, conversationId, `<${id}@example.test>`, text],
    );
    return id;
  }

  async function correction(messageId: string, intent: string, shopId = SHOP, at = 'now()'): Promise<void> {
    await db.query(
      `INSERT INTO triage_corrections (shop_id, draft_id, message_id, conversation_id, before, intent, corrected_by, created_at)
       VALUES ($1, $2, $3, $4, '{"intent": "other"}', $5, $6, ${at})`,
      [shopId, randomUUID(), messageId, conversationId, intent, randomUUID()],
    );
  }

  async function draft(messageId: string, intent: string, status: string, shopId = SHOP): Promise<void> {
    const draftId = randomUUID();
    await db.query(
      `INSERT INTO drafts (id, conversation_id, message_id, channel, language, intent, confidence, decision, outbound_message_id)
       VALUES ($1, $2, $3, 'email', 'nl', $4, 0.9, 'review', $5)`,
      [draftId, conversationId, messageId, intent, `${draftId}@shop.test`],
    );
    await db.query(
      `INSERT INTO review_items (draft_id, conversation_id, status, decision, payload, shop_id) VALUES ($1, $2, $3, 'review', '{}', $4)`,
      [draftId, conversationId, status, shopId],
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase('triage_learning');
    query = (sql, params) => db.query(sql, params);
    customerId = randomUUID();
    conversationId = randomUUID();
    await db.query(`INSERT INTO customers (id, address) VALUES ($1, 'klant@example.test')`, [customerId]);
    await db.query(`INSERT INTO conversations (id, customer_id, channel, token) VALUES ($1, $2, 'email', $3)`, [
      conversationId,
      customerId,
      randomUUID(),
    ]);
  });
  afterAll(() => db?.drop());

  it("reads the shop's labelled history: latest correction wins, approvals count, auto-sent and other shops do not", async () => {
    for (const text of BIKE_REPAIR) await correction(await message(text), 'bike_repair');
    const twice = await message('Ik wil mijn geld terug voor de kapotte bel');
    await correction(twice, 'complaint', SHOP, "now() - interval '1 hour'");
    await correction(twice, 'get_refund');
    await draft(await message('Waar blijft mijn bestelling 4455667?'), 'track_order', 'approved');
    await draft(await message('Kan ik ook met iDEAL betalen?'), 'check_payment_methods', 'auto_sent');
    await correction(await message('Hoe maak ik een account aan?'), 'create_account', 'another-shop');

    const history = await readLabelledHistory(query, SHOP);
    const byText = Object.fromEntries(history.map((h) => [h.text, `${h.source}:${h.intent}`]));
    expect(history).toHaveLength(BIKE_REPAIR.length + 2);
    expect(byText['Ik wil mijn geld terug voor de kapotte bel']).toBe('correction:get_refund');
    expect(byText['Waar blijft mijn bestelling 4455667?']).toBe('approved:track_order');
    expect(byText['Kan ik ook met iDEAL betalen?']).toBeUndefined();
    expect(byText['Hoe maak ik een account aan?']).toBeUndefined();
  });

  it('`draftdesk train --from-db --shop` stores a model for that shop that triage uses for that shop only', async () => {
    const run = await runCli(['train', '--from-db', '--shop', SHOP], { env: { DATABASE_URL: db.url } });
    expect(run.stderr).toMatch(/12 labelled messages \(11 corrections, 1 approved\)/);
    expect(run.code).toBe(0);
    const [row] = await db.query<{ intents: string[]; shop_examples: number }>(
      `SELECT intents, shop_examples FROM shop_models WHERE shop_id = $1`,
      [SHOP],
    );
    expect(row.intents).toEqual(expect.arrayContaining(['bike_repair', 'track_order', 'other']));
    expect(row.shop_examples).toBe(12);

    const options: TriageOptions = { engine: 'embedded', modelRefreshMs: 60_000 };
    const triage = new TriageService(
      options,
      new ShopModelsService(options),
      new TriageRepository({ query } as unknown as DataSource),
    );
    const manager = { query } as unknown as EntityManager;
    const unseen = 'Mijn fiets heeft een slag in het voorwiel, kunnen jullie die repareren?';
    const forShop = await triage.classify(manager, payload(unseen, SHOP));
    const forDefault = await triage.classify(manager, payload(unseen));
    expect(forShop.intent).toBe('bike_repair');
    expect(forDefault.intent).not.toBe('bike_repair');
    // The shop's model still knows everything else.
    expect((await triage.classify(manager, payload('Ik wil mijn bestelling annuleren', SHOP))).intent).toBe(
      'cancel_order',
    );
  }, 300_000);

  it('a shop without history is told so and gets no model', async () => {
    const run = await runCli(['train', '--from-db', '--shop', 'empty-shop'], { env: { DATABASE_URL: db.url } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no corrections or approved drafts/);
    expect(await db.query(`SELECT 1 FROM shop_models WHERE shop_id = 'empty-shop'`)).toHaveLength(0);
  });

  it('reads the shop from the payload when present, else default', () => {
    expect(shopOf(payload('x', 'fietsen'))).toBe('fietsen');
    expect(shopOf(payload('x'))).toBe('default');
    expect(shopOf(payload('x', "'; DROP TABLE x; --"))).toBe('default');
  });
});

describe('the per-shop token budget lives in PostgreSQL (local chat-completions server)', () => {
  let db: TestDatabase;
  let server: Server;
  let requests = 0;

  beforeAll(async () => {
    db = await createTestDatabase('triage_budget');
    server = createServer((req, res) => {
      requests++;
      req.resume();
      const answer = {
        language: 'en',
        intent: 'get_refund',
        confidence: 0.9,
        sentiment: 'neutral',
        urgency: 'normal',
        reasons: [],
        flags: [],
      };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'c',
          object: 'chat.completion',
          created: 0,
          model: 'm',
          choices: [
            {
              index: 0,
              finish_reason: 'stop',
              message: { role: 'assistant', content: JSON.stringify(answer), refusal: null },
            },
          ],
          usage: { prompt_tokens: 300, completion_tokens: 50, total_tokens: 350 },
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await db?.drop();
  });

  it('spends up to the daily budget through the language model, then falls back with llm_budget_exhausted', async () => {
    const query: SqlQuery = (sql, params) => db.query(sql, params);
    const options: TriageOptions = {
      engine: 'openai',
      modelRefreshMs: 60_000,
      openai: {
        apiKey: 'sk-test',
        baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
        model: 'm',
        timeoutMs: 5_000,
        maxRetries: 0,
        dailyTokenBudget: 1_000,
      },
    };
    const triage = new TriageService(
      options,
      new ShopModelsService(options),
      new TriageRepository({ query } as unknown as DataSource),
    );
    const manager = { query } as unknown as EntityManager;
    const engines: string[] = [];
    for (let i = 0; i < 4; i++)
      engines.push((await triage.classify(manager, payload('Where is my refund?', 'budget-shop'))).engine);
    expect(engines).toEqual(['openai', 'openai', 'openai', 'embedded']);
    expect(requests).toBe(3);
    const last = await triage.classify(manager, payload('Where is my refund?', 'budget-shop'));
    expect(last.reasons).toContain('llm_budget_exhausted');
    const [usage] = await db.query<{ prompt_tokens: string; completion_tokens: string; requests: number }>(
      `SELECT prompt_tokens, completion_tokens, requests FROM triage_llm_usage WHERE shop_id = 'budget-shop' AND day = (now() AT TIME ZONE 'UTC')::date`,
    );
    expect(usage).toMatchObject({ prompt_tokens: '900', completion_tokens: '150', requests: 3 });
    expect(await new TriageRepository({ query } as unknown as DataSource).spent('other-shop', '2025-12-01')).toBe(0);
    expect((await triage.classify(manager, payload('Where is my refund?', 'other-shop'))).engine).toBe('openai');
  });

  it("keeps the drafter's daily spend apart from triage's, shared by every store on the database", async () => {
    const query: SqlQuery = (sql, params) => db.query(sql, params);
    const replicaA = new SqlTokenUsageStore(query, 'drafter_llm_usage');
    const replicaB = new SqlTokenUsageStore(query, 'drafter_llm_usage');
    await replicaA.record('drafter-shop', '2025-12-01', { promptTokens: 300, completionTokens: 50 });
    await replicaB.record('drafter-shop', '2025-12-01', { promptTokens: 200, completionTokens: 25 });
    expect(await replicaA.spent('drafter-shop', '2025-12-01')).toBe(575);
    expect(await replicaB.spent('drafter-shop', '2025-12-02')).toBe(0);
    expect(await new SqlTokenUsageStore(query).spent('drafter-shop', '2025-12-01')).toBe(0);
    const [row] = await db.query<{ requests: number }>(
      `SELECT requests FROM drafter_llm_usage WHERE shop_id = 'drafter-shop' AND day = '2025-12-01'`,
    );
    expect(row.requests).toBe(2);
  });
});
