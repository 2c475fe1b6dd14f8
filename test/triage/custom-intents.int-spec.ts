// A shop's own intent, end to end on PostgreSQL: `draftdesk intents add` stores it with examples, `train --from-db`
// teaches the shop's embedded model, and triage classifies a matching message as that intent for that shop only. The
// language-model engine offers it (with its description) to the same shop only, against a local fake chat-completions server.
import { MessageAddedPayload } from '@draftdesk/contracts';
import { SqlQuery } from '@draftdesk/triage';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { ShopModelsService } from '../../apps/triage/src/triage/shop-models.service';
import { TriageOptions } from '../../apps/triage/src/triage/triage.options';
import { TriageService } from '../../apps/triage/src/triage/triage.service';
import { TriageRepository } from '../../apps/triage/src/triage/triage.repository';
import { createTestDatabase, TestDatabase } from '../support/database';
import { runCli } from './cli.util';
import { FakeChatCompletionsServer } from './fake-chat-completions.server';

const SHOP = 'fietsenmaker';
const OTHER_SHOP = 'kledingwinkel';
const INTENT = 'bike_repair_booking';
const DESCRIPTION = 'The customer wants to book a repair or maintenance appointment for a bicycle in the workshop.';

// Written for this test: booking a workshop slot for a bike, in Dutch and English, phrased the way customers write.
const EXAMPLES = [
  'Kan ik een afspraak maken om mijn fiets te laten repareren?',
  'Ik wil graag mijn e-bike laten nakijken, wanneer is er plek in de werkplaats?',
  'Mijn remmen piepen, kan ik volgende week langskomen voor een reparatie?',
  'Hebben jullie donderdag tijd voor een onderhoudsbeurt van mijn fiets?',
  'Graag een afspraak voor het vervangen van de ketting en tandwielen',
  'Kan mijn fiets zaterdag binnen voor een grote beurt?',
  'Wanneer kan ik mijn racefiets brengen voor het afstellen van de versnellingen?',
  'Ik heb een lekke band, kan ik vandaag nog terecht in de werkplaats?',
  'Mijn bakfiets moet een APK-beurt, kan ik een tijdstip reserveren?',
  'Is er morgen plek om de verlichting van mijn fiets te laten maken?',
  'Could I book an appointment to have my bike repaired?',
  'I would like to schedule a service for my e-bike, when is the workshop free?',
  'My brakes are squeaking, can I bring the bike in next week for a repair?',
  'Do you have a slot on Thursday for a bicycle tune-up?',
  'Please book me in to replace the chain and cassette on my bike',
  'Can I drop off my bike on Saturday for a full service?',
  'When can I bring my road bike in to have the gears adjusted?',
  'I have a flat tyre, can the workshop fit me in today?',
  'I need to reserve a time for the yearly maintenance of my cargo bike',
  'Is there room tomorrow to fix the lights on my bicycle?',
];

function payload(text: string, shopId: string): MessageAddedPayload {
  return {
    messageId: randomUUID(),
    channel: 'email',
    customer: { id: randomUUID(), address: 'klant@example.test', name: 'Klant' },
    mailbox: null,
    subject: '',
    text,
    html: null,
    automated: { automated: false, kind: null, reasons: [] },
    reply: { inReplyTo: null, references: [] },
    chat: null,
    history: [],
    shopId,
  } as MessageAddedPayload;
}

describe('a shop adds its own intent with examples (PostgreSQL)', () => {
  let db: TestDatabase;
  let query: SqlQuery;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('triage_custom_intents');
    query = (sql, params) => db.query(sql, params);
    env = { DATABASE_URL: db.url };
    dir = mkdtempSync(join(tmpdir(), 'dd-intents-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('`intents add` stores the examples from a text file and merges a CSV added later, without duplicates', async () => {
    writeFileSync(join(dir, 'first.txt'), `# workshop bookings\n${EXAMPLES.slice(0, 12).join('\n')}\n`);
    const first = await runCli(
      [
        'intents',
        'add',
        '--shop',
        SHOP,
        '--intent',
        INTENT,
        '--examples',
        join(dir, 'first.txt'),
        '--description',
        DESCRIPTION,
      ],
      { env },
    );
    expect(first.stderr).toMatch(/has 12 examples/);
    expect(first.code).toBe(0);

    const csv = ['text,language', ...EXAMPLES.slice(10).map((e) => `"${e.replace(/"/g, '""')}",x`)].join('\n');
    writeFileSync(join(dir, 'more.csv'), csv);
    const second = await runCli(
      ['intents', 'add', '--shop', SHOP, '--intent', INTENT, '--examples', join(dir, 'more.csv')],
      { env },
    );
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      intent: INTENT,
      examples: EXAMPLES.length,
      description: DESCRIPTION,
    });

    const list = await runCli(['intents', 'list', '--shop', SHOP], { env });
    expect(JSON.parse(list.stdout).intents).toEqual([
      { intent: INTENT, description: DESCRIPTION, examples: EXAMPLES.length },
    ]);
    expect(JSON.parse((await runCli(['intents', 'list', '--shop', OTHER_SHOP], { env })).stdout).intents).toEqual([]);
  });

  it.each([
    ['a standard intent', 'track_order', /standard intent/],
    ['an invalid name', 'Bike Repair', /must be 3–63/],
  ])('`intents add` refuses %s with exit 2', async (_name, intent, message) => {
    writeFileSync(join(dir, 'one.txt'), 'Kan ik een afspraak maken?\n');
    const run = await runCli(
      ['intents', 'add', '--shop', SHOP, '--intent', intent, '--examples', join(dir, 'one.txt')],
      { env },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("`train --from-db` with only custom intents teaches the shop's model; triage uses it for that shop only", async () => {
    const run = await runCli(['train', '--from-db', '--shop', SHOP], { env });
    expect(run.stderr).toMatch(new RegExp(`1 intents of its own \\(${INTENT}\\) with ${EXAMPLES.length} examples`));
    expect(run.code).toBe(0);
    const [row] = await db.query<{ intents: string[] }>(`SELECT intents FROM shop_models WHERE shop_id = $1`, [SHOP]);
    expect(row.intents).toContain(INTENT);
    expect(await db.query(`SELECT 1 FROM shop_models WHERE shop_id = $1`, [OTHER_SHOP])).toHaveLength(0);

    const options: TriageOptions = { engine: 'embedded', modelRefreshMs: 60_000 };
    const triage = new TriageService(
      options,
      new ShopModelsService(options),
      new TriageRepository({ query } as unknown as DataSource),
    );
    const manager = { query } as unknown as EntityManager;
    // Not among the examples: new wording, in both languages.
    const unseen = [
      'Kan ik vrijdagmiddag mijn fiets brengen voor een reparatie van de achterrem?',
      'Can I make an appointment next Tuesday to get my bike serviced?',
    ];
    for (const text of unseen) {
      expect((await triage.classify(manager, payload(text, SHOP))).intent).toBe(INTENT);
      expect((await triage.classify(manager, payload(text, OTHER_SHOP))).intent).not.toBe(INTENT);
    }
    // The shop's model still knows the standard intents, also about bikes.
    expect(
      (await triage.classify(manager, payload('Mijn fiets is kapot aangekomen, ik wil mijn geld terug', SHOP))).intent,
    ).toBe('get_refund');
    expect((await triage.classify(manager, payload('Ik wil mijn bestelling annuleren', SHOP))).intent).toBe(
      'cancel_order',
    );
    expect(
      (await triage.classify(manager, payload('Where is my package? Order 5512345 has not arrived', SHOP))).intent,
    ).toBe('track_order');
  }, 300_000);

  it('the language-model engine offers the intent and its description to that shop only', async () => {
    const server = await new FakeChatCompletionsServer().start();
    try {
      server.reply = (body, res) =>
        server.answer(res, {
          language: 'nl',
          intent: body.response_format.json_schema.schema.properties.intent.enum.includes(INTENT) ? INTENT : 'other',
        });
      const options: TriageOptions = {
        engine: 'openai',
        modelRefreshMs: 60_000,
        openai: {
          apiKey: 'sk-fake',
          baseURL: server.baseURL,
          model: 'fake-model',
          timeoutMs: 5_000,
          maxRetries: 0,
          dailyTokenBudget: 100_000,
        },
      };
      const triage = new TriageService(
        options,
        new ShopModelsService(options),
        new TriageRepository({ query } as unknown as DataSource),
      );
      const manager = { query } as unknown as EntityManager;
      const text = 'Kan mijn fiets deze week nog binnen voor een onderhoudsbeurt?';
      const forShop = await triage.classify(manager, payload(text, SHOP));
      const forOther = await triage.classify(manager, payload(text, OTHER_SHOP));
      expect([forShop.engine, forShop.intent]).toEqual(['openai', INTENT]);
      expect([forOther.engine, forOther.intent]).toEqual(['openai', 'other']);
      expect(server.requests[0].body.messages[0].content).toContain(`- ${INTENT}: ${DESCRIPTION}`);
      expect(server.requests[1].body.messages[0].content).not.toContain(INTENT);
    } finally {
      await server.stop();
    }
  });

  it('`intents remove` deletes it; the model keeps it until the next retraining', async () => {
    const run = await runCli(['intents', 'remove', '--shop', SHOP, '--intent', INTENT], { env });
    expect(run.code).toBe(0);
    expect(await db.query(`SELECT 1 FROM shop_intents WHERE shop_id = $1`, [SHOP])).toHaveLength(0);
    expect((await runCli(['intents', 'remove', '--shop', SHOP, '--intent', INTENT], { env })).code).toBe(1);
  });
});
