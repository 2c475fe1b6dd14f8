// `draftdesk triage` picks its engine as the triage service does (TRIAGE_ENGINE, OPENAI_*), here against a local fake
// chat-completions server: what reaches the server is redacted, and any failure falls back to the embedded engine.
import { runCli } from './cli.util';
import { FakeChatCompletionsServer } from './fake-chat-completions.server';

describe('draftdesk triage with TRIAGE_ENGINE=openai (local fake chat-completions server)', () => {
  const server = new FakeChatCompletionsServer();
  const env = () => ({
    TRIAGE_ENGINE: 'openai',
    OPENAI_API_KEY: 'sk-fake',
    OPENAI_BASE_URL: server.baseURL,
    OPENAI_MODEL: 'fake-model',
    OPENAI_MAX_RETRIES: '0',
  });
  const text =
    'Where is my refund for order #884412? Mail me at jan.jansen@example.test or call +31 6 12345678, IBAN NL91ABNA0417164300.';

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    server.reply = (_body, res) => server.answer(res, { intent: 'track_refund', confidence: 0.87 });
  });

  it('--text prints engine "openai" with the model\'s intent, and only redacted text reached the server', async () => {
    const run = await runCli(['triage', '--text', text], { env: env() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ engine: 'openai', intent: 'track_refund', confidence: 0.87 });
    expect(result.entities).toContainEqual(expect.objectContaining({ type: 'order_number', value: '884412' }));

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.body.model).toBe('fake-model');
    const user = request.body.messages.find((m: { role: string }) => m.role === 'user').content as string;
    expect(user).toContain('Where is my refund for order #884412?');
    expect(user).toMatch(/\[EMAIL_1\][\s\S]*\[PHONE_1\][\s\S]*\[IBAN_1\]/);
    for (const raw of ['jan.jansen@example.test', '12345678', 'NL91ABNA0417164300'])
      expect(request.raw).not.toContain(raw);
  });

  it('--jsonl sends every line through the language model and keeps the input order', async () => {
    // Answers come back in reverse order of arrival, so order can only be kept by the command itself.
    const held: (() => void)[] = [];
    server.reply = (body, res) => {
      const message = body.messages[1].content as string;
      held.push(() => server.answer(res, { intent: /cancel/.test(message) ? 'cancel_order' : 'track_order' }));
      if (held.length === 3) while (held.length) held.pop()!();
    };
    const input = ['I want to cancel order 1234567', 'where is my parcel', 'cancel it please']
      .map((t, i) => JSON.stringify({ id: i + 1, text: t }))
      .join('\n');
    const run = await runCli(['triage', '--jsonl'], { env: env(), input: `${input}\n` });
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.engine, l.intent])).toEqual([
      [1, 'openai', 'cancel_order'],
      [2, 'openai', 'track_order'],
      [3, 'openai', 'cancel_order'],
    ]);
  });

  it('a failing server → the embedded engine answers, with the reason', async () => {
    server.reply = (_body, res) => server.fail(res, 500);
    const run = await runCli(['triage', '--text', 'I want to cancel my order'], { env: env() });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ engine: 'embedded', intent: 'cancel_order' });
    expect(result.reasons).toContain('llm_fallback:http_500');
  });

  it('without TRIAGE_ENGINE the embedded engine answers and nothing is sent', async () => {
    const run = await runCli(['triage', '--text', text], {
      env: { OPENAI_API_KEY: 'sk-fake', OPENAI_BASE_URL: server.baseURL },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).engine).toBe('embedded');
    expect(server.requests).toHaveLength(0);
  });

  it('TRIAGE_ENGINE=openai without OPENAI_API_KEY exits 78 (a configuration error) naming the variable', async () => {
    const run = await runCli(['triage', '--text', text], { env: { TRIAGE_ENGINE: 'openai' } });
    expect(run.code).toBe(78);
    expect(run.stderr).toMatch(/OPENAI_API_KEY is required/);
    expect(run.stdout).toBe('');
  });
});
