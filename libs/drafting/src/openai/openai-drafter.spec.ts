import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { readFileSync } from 'fs';
import { join } from 'path';
import { EmbeddedTriageEngine, InMemoryTokenUsageStore } from '@draftdesk/triage';
import { InMemoryKnowledge, InMemoryOrderConnector } from '@draftdesk/shop';
import { composeReply } from '../pipeline/compose-reply';
import { loadSampleShop } from '@draftdesk/shop';
import { parsePolicy } from '@draftdesk/shop';
import { OpenAiDrafter } from './openai-drafter.provider';

type Reply = (body: { messages: { role: string; content: string }[] }) => {
  status?: number;
  content?: string;
  hang?: boolean;
  tokens?: number;
};

/** A local server speaking the OpenAI chat-completions API; each test decides what the "model" answers. */
let reply: Reply = () => ({ content: '{}' });
const requests: { messages: { role: string; content: string }[]; response_format?: { type: string } }[] = [];
let server: Server;
let baseURL: string;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(raw);
      requests.push(body);
      const r = reply(body);
      if (r.hang) return;
      if (r.status && r.status !== 200) {
        res
          .writeHead(r.status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'boom', type: 'server_error' } }));
        return;
      }
      const tokens = r.tokens ?? 300;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: 'chatcmpl-test',
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: r.content, refusal: null },
              finish_reason: 'stop',
              logprobs: null,
            },
          ],
          usage: { prompt_tokens: tokens - 100, completion_tokens: 100, total_tokens: tokens },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => (requests.length = 0));

const sample = loadSampleShop();
const policy = parsePolicy(readFileSync(join(__dirname, '../../fixtures/golden-policy.yaml'), 'utf8'));
const engine = new EmbeddedTriageEngine();

function drafter(extra: Partial<ConstructorParameters<typeof OpenAiDrafter>[0]> = {}) {
  return new OpenAiDrafter({
    apiKey: 'test-key',
    baseURL,
    model: 'test-model',
    maxRetries: 0,
    timeoutMs: 2000,
    canary: policy.canary,
    ...extra,
  });
}

async function run(text: string, from: string, d: OpenAiDrafter) {
  const triage = engine.triage({ text });
  return composeReply(
    { text, customer: { address: from, name: null }, automated: false, triage },
    {
      shop: sample.shop,
      policy,
      knowledge: new InMemoryKnowledge(sample.snippets),
      orders: new InMemoryOrderConnector(sample.orders),
      drafter: d,
    },
  );
}

const TRACK = 'Wat is de status van bestelling 100234? Mijn telefoon is 06 12345678.';
const SIGN = 'Groetjes,\nTeam Klantenservice\nFietsenwinkel Hollandia';

describe('OpenAiDrafter against a local HTTP server speaking the chat-completions API', () => {
  it('sends policy, canary, snippet ids, order facts and the redacted customer text as delimited data', async () => {
    reply = () => ({
      content: JSON.stringify({
        body: `Hoi Sanne,\n\nJe bestelling 100234 is onderweg met PostNL (3SABCD1234567).\n\n${SIGN}`,
        citations: ['nl-track-order', 'made-up-id'],
      }),
    });
    const result = await run(TRACK, 'customer@example.test', drafter());
    const [system, user] = requests[0].messages;
    expect(system.role).toBe('system');
    expect(system.content).toContain('DD-CANARY-7f3a9c2e');
    expect(system.content).toMatch(/untrusted data/);
    expect(requests[0].response_format?.type).toBe('json_schema');
    expect(user.content).toMatch(/<customer_message>[\s\S]*Wat is de status[\s\S]*<\/customer_message>/);
    expect(user.content).not.toContain('06 12345678');
    expect(user.content).not.toContain('Keizersgracht');
    expect(user.content).toContain('"orderNumber":"100234"');
    expect(user.content).toMatch(/<snippet id="[^"]+"/);
    expect(result.draft?.engine).toBe('openai:test-model');
    expect(result.draft?.citations).not.toContain('made-up-id');
    expect(result.decision).toBe('auto_send');
  });

  it.each([
    [
      'an amount not in the sources',
      `Hoi Sanne,\n\nWe storten € 150,00 terug op je rekening.\n\n${SIGN}`,
      /^ungrounded:amount:/,
    ],
    [
      'a link not in the sources',
      `Hoi Sanne,\n\nVolg je pakket op https://evil.example/track?id=100234.\n\n${SIGN}`,
      /^ungrounded:url:/,
    ],
    [
      'a tracking number not in the order',
      `Hoi Sanne,\n\nTrackingnummer: 3SXYZW9999999.\n\n${SIGN}`,
      /^ungrounded:tracking_number:/,
    ],
  ])('a draft with %s is never auto-sent (review, ungrounded reason)', async (_what, body, reason) => {
    reply = () => ({ content: JSON.stringify({ body, citations: [] }) });
    const result = await run(TRACK, 'customer@example.test', drafter());
    expect(result.decision).toBe('review');
    expect(result.reasons.some((r) => reason.test(r))).toBe(true);
  });

  it('a draft that leaks the canary is blocked (escalated)', async () => {
    reply = () => ({
      content: JSON.stringify({
        body: `Hoi Sanne,\n\nMijn instructies: DD-CANARY-7f3a9c2e.\n\n${SIGN}`,
        citations: [],
      }),
    });
    const result = await run(TRACK, 'customer@example.test', drafter());
    expect(result.decision).toBe('escalate');
    expect(result.reasons).toContain('canary_leak');
  });

  it.each([
    ['a server error', () => ({ status: 500 }), 'llm_fallback:http_500'],
    ['an answer that is not JSON', () => ({ content: 'Sure! Here is your reply.' }), 'llm_fallback:invalid_json'],
    ['an answer without a body', () => ({ content: JSON.stringify({ citations: [] }) }), 'llm_fallback:invalid_answer'],
    ['no answer before the timeout', () => ({ hang: true }), 'llm_fallback:timeout'],
  ] as [string, Reply, string][])('falls back to the offline drafter on %s', async (_what, behaviour, note) => {
    reply = behaviour;
    const result = await run(TRACK, 'customer@example.test', drafter({ timeoutMs: 300 }));
    expect(result.draft?.engine).toBe('offline');
    expect(result.draft?.body).toContain('100234');
    expect(result.reasons).toContain(note);
  });

  it('retries a failed request before falling back', async () => {
    let calls = 0;
    reply = () =>
      ++calls === 1
        ? { status: 503 }
        : {
            content: JSON.stringify({
              body: `Hoi Sanne,\n\nBestelling 100234 is verzonden.\n\n${SIGN}`,
              citations: [],
            }),
          };
    const result = await run(TRACK, 'customer@example.test', drafter({ maxRetries: 2 }));
    expect(calls).toBe(2);
    expect(result.draft?.engine).toBe('openai:test-model');
  });

  it('counts usage per shop and day in the store and drafts offline once the budget is spent', async () => {
    reply = () => ({
      content: JSON.stringify({ body: `Hoi Sanne,\n\nBestelling 100234 is verzonden.\n\n${SIGN}`, citations: [] }),
      tokens: 700,
    });
    const usage = new InMemoryTokenUsageStore();
    let now = new Date('2026-03-02T23:00:00Z');
    const d = drafter({ budget: { usage, tokensPerDay: 1000 }, reserveTokens: 400, now: () => now });
    const first = await run(TRACK, 'customer@example.test', d);
    const second = await run(TRACK, 'customer@example.test', d);
    expect(first.draft?.engine).toBe('openai:test-model');
    expect(await usage.spent(sample.shop.id, '2026-03-02')).toBe(700);
    expect(await usage.spent('another-shop', '2026-03-02')).toBe(0);
    expect(second.draft?.engine).toBe('offline');
    expect(second.reasons).toContain('llm_budget_exhausted');
    expect(requests).toHaveLength(1);
    // A new UTC day, a new budget.
    now = new Date('2026-03-03T00:00:01Z');
    const third = await run(TRACK, 'customer@example.test', d);
    expect(third.draft?.engine).toBe('openai:test-model');
    expect(requests).toHaveLength(2);
  });
});
