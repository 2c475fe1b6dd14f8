import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  body: any;
  raw: string;
}

/** A local fake chat-completions server (the OpenAI wire format), answering with whatever `reply` decides. */
export class FakeChatCompletionsServer {
  readonly requests: RecordedRequest[] = [];
  reply: (body: any, res: ServerResponse, req: IncomingMessage) => void = (_body, res) => this.answer(res, {});
  private server?: Server;

  get baseURL(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (d) => (raw += d));
      req.on('end', () => {
        const body = raw ? JSON.parse(raw) : null;
        this.requests.push({ path: req.url ?? '', body, raw });
        this.reply(body, res, req);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** Answers with a structured triage object (fields override a neutral get_refund answer). */
  answer(
    res: ServerResponse,
    fields: Record<string, unknown>,
    usage = { prompt_tokens: 200, completion_tokens: 40 },
  ): void {
    this.complete(
      res,
      JSON.stringify({
        language: 'en',
        intent: 'get_refund',
        confidence: 0.9,
        sentiment: 'neutral',
        urgency: 'normal',
        reasons: [],
        flags: [],
        ...fields,
      }),
      usage,
    );
  }

  /** Answers with any assistant message content, as a chat completion. */
  complete(res: ServerResponse, content: string, usage = { prompt_tokens: 200, completion_tokens: 40 }): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: 0,
        model: 'fake-model',
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } }],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      }),
    );
  }

  fail(res: ServerResponse, status: number): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'fake failure', type: 'server_error' } }));
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server!.close(resolve));
  }
}
