// `draftdesk eval drafts --engine openai` against a local fake OpenAI-compatible chat-completions server: the whole
// eval/scenarios set goes through the OpenAI drafter path (prompt, structured answer, grounding, canary, fall-back),
// which tests the plumbing, not the quality of a model's writing.
import { runCli } from '../triage/cli.util';
import { FakeChatCompletionsServer } from '../triage/fake-chat-completions.server';

interface EvalSummary {
  scenarios: number;
  engines: Record<string, number>;
  modelFallbacks: Record<string, number>;
  results: { id: string; engine: string | null; reasons: string[] }[];
}

type Message = { role: string; content: string };

/** A schema-valid reply made only of what the request holds: the order's number and state, a knowledge sentence, the signature. */
function groundedReply(messages: Message[]): string {
  const [system, user] = messages.map((m) => m.content);
  const order = /<order_facts>\n(\{.*\})\n<\/order_facts>/.exec(user)?.[1];
  const facts = order ? (JSON.parse(order) as { orderNumber: string; status: string }) : null;
  const snippet = /<snippet id="([^"]+)"[^>]*>\n([^\n]+)/.exec(user);
  const signature = /never write a sign-off twice\):\n([\s\S]*?)\nRules you always follow:/.exec(system)?.[1];
  const body = [
    facts ? `Order ${facts.orderNumber}: ${facts.status}.` : '',
    snippet?.[2].split(/(?<=[.!?])\s/)[0] ?? '',
    signature ?? '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return JSON.stringify({
    body: body || 'A colleague will look into your question.',
    citations: snippet ? [snippet[1]] : [],
  });
}

describe('draftdesk eval drafts --engine openai (local fake OpenAI-compatible server)', () => {
  const server = new FakeChatCompletionsServer();
  const env = () => ({
    OPENAI_API_KEY: 'sk-fake',
    OPENAI_BASE_URL: server.baseURL,
    OPENAI_MODEL: 'fake-model',
    OPENAI_MAX_RETRIES: '0',
    OPENAI_TIMEOUT_MS: '5000',
  });

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => (server.requests.length = 0));

  async function evalWithModel(): Promise<EvalSummary> {
    const run = await runCli(['eval', 'drafts', '--scenarios', 'eval/scenarios', '--engine', 'openai', '--json'], {
      env: env(),
    });
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as EvalSummary;
  }

  it('drafts every scenario through the model, with no fall-back, budget or schema failure', async () => {
    server.reply = (body, res) => server.complete(res, groundedReply(body.messages));
    const summary = await evalWithModel();

    expect(summary.scenarios).toBeGreaterThanOrEqual(200);
    expect(summary.modelFallbacks).toEqual({});
    for (const result of summary.results) {
      // Safety and legal holding replies are fixed wording, whichever engine drafts the rest.
      const holding = result.reasons.some((r) => r.startsWith('holding_reply:'));
      expect({ id: result.id, engine: result.engine }).toEqual({
        id: result.id,
        engine: holding ? 'offline' : 'openai:fake-model',
      });
    }
    const byModel = summary.engines['openai:fake-model'];
    expect(byModel).toBeGreaterThanOrEqual(150);
    // One request per model draft, plus the earlier replies (@draft) of follow-up threads.
    expect(server.requests.length).toBeGreaterThanOrEqual(byModel);
    for (const request of server.requests) {
      expect(request.path).toBe('/v1/chat/completions');
      expect(request.body.response_format).toMatchObject({
        type: 'json_schema',
        json_schema: { name: 'draft_reply', strict: true },
      });
      expect(request.raw).not.toContain('NL91ABNA0417164300');
    }
  }, 300_000);

  it('counts the fall-backs when the model answers outside the schema, and still drafts every scenario offline', async () => {
    server.reply = (_body, res) => server.complete(res, 'Sure! Here is a reply for your customer.');
    const summary = await evalWithModel();

    expect(summary.engines['openai:fake-model'] ?? 0).toBe(0);
    expect(summary.results.every((r) => r.engine === 'offline')).toBe(true);
    const modelDrafts = summary.results.filter((r) => !r.reasons.some((x) => x.startsWith('holding_reply:'))).length;
    expect(summary.modelFallbacks).toEqual({ 'llm_fallback:invalid_json': modelDrafts });
  }, 300_000);

  it('refuses --engine openai without OPENAI_API_KEY, naming the variable', async () => {
    const run = await runCli(['eval', 'drafts', '--engine', 'openai'], { env: {} });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('OPENAI_API_KEY is required');
  });
});
