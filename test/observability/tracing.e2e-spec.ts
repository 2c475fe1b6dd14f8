import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { readMailbox, sendMail, uniqueAddress } from '../support/mail';
import { RunningService, ServiceName, startService } from '../support/services';

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  links: { traceId: string }[];
}

/**
 * A local stand-in for an OpenTelemetry collector: it speaks OTLP/HTTP with JSON bodies (POST /v1/traces), the
 * protocol the services' exporter uses when OTEL_EXPORTER_OTLP_PROTOCOL=http/json, and keeps every span.
 */
function startCollector(): Promise<{ server: Server; url: string; spans: ReceivedSpan[] }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        for (const rs of body.resourceSpans ?? []) {
          const service =
            rs.resource?.attributes?.find((a: any) => a.key === 'service.name')?.value?.stringValue ?? '?';
          for (const ss of rs.scopeSpans ?? [])
            for (const s of ss.spans ?? [])
              spans.push({
                service,
                traceId: s.traceId,
                spanId: s.spanId,
                parentSpanId: s.parentSpanId ?? '',
                name: s.name,
                links: s.links ?? [],
              });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans }),
    ),
  );
}

/**
 * One customer email through every service with tracing on (OTLP to the local collector above): the mail's trace
 * runs from mail-ingest through conversations, triage, drafter, review, the agent's approval and mail-send to the
 * reply-sent event stored back by conversations — one trace id across all of them, every span's parent in it.
 */
describe('one trace follows a customer email to the sent reply (OTLP collector fake)', () => {
  const support = uniqueAddress('support', 'shop.test');
  const customer = uniqueAddress('trace', 'example.test');
  const token = `trace-${randomBytes(24).toString('hex')}`;
  const services: Partial<Record<ServiceName, RunningService>> = {};
  const names: ServiceName[] = ['conversations', 'triage', 'drafter', 'review', 'mail-send', 'mail-ingest'];
  let db: TestDatabase;
  let collector: Awaited<ReturnType<typeof startCollector>>;

  beforeAll(async () => {
    collector = await startCollector();
    db = await createTestDatabase('tracing');
    const common = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: `trace-${randomBytes(4).toString('hex')}.`,
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    };
    const specific: Partial<Record<ServiceName, Record<string, string>>> = {
      'mail-ingest': {
        IMAP_HOST: engines.imapHost,
        IMAP_PORT: String(engines.imapPort),
        IMAP_SECURE: 'false',
        IMAP_USER: support,
        IMAP_PASSWORD: engines.catchAllPassword,
        IMAP_RESYNC_SECONDS: '600',
      },
      review: { REVIEW_API_TOKEN: token },
      'mail-send': {
        SMTP_HOST: engines.smtpHost,
        SMTP_PORT: String(engines.smtpPort),
        MAIL_FROM: `Support <${support}>`,
      },
    };
    for (const name of names)
      services[name] = await startService(name, { ...common, ...specific[name] }, `trace-${name}`);
    await Promise.all(names.map((n) => services[n]!.ready()));
  });

  afterAll(async () => {
    await Promise.all(Object.values(services).map((s) => s.kill('SIGTERM')));
    await db?.drop();
    collector?.server.close();
  });

  it('carries one trace id across every stage', async () => {
    await sendMail({
      from: `Sanne <${customer}>`,
      to: support,
      subject: 'Waar is mijn bestelling 100234?',
      text: 'Hallo, waar blijft bestelling 100234?\n\nGroeten, Sanne',
    });
    const auth = { authorization: `Bearer ${token}` };
    const [draft] = await expectEventually(async () => {
      const items = (
        (await (await fetch(`${services.review!.url}/v1/drafts?status=pending`, { headers: auth })).json()) as {
          items: { draftId: string; version: number }[];
        }
      ).items;
      expect(items).toHaveLength(1);
      return items;
    });
    const approved = await fetch(`${services.review!.url}/v1/drafts/${draft.draftId}/approve`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ version: draft.version }),
    });
    expect(approved.status).toBeLessThan(300);
    await expectEventually(async () => expect(await readMailbox(customer)).toHaveLength(1), { timeoutMs: 60_000 });

    const stages = [
      ['draftdesk-mail-ingest', 'receive mail'],
      ['draftdesk-conversations', 'process support.inbound.v1'],
      ['draftdesk-triage', 'process support.message-added.v1'],
      ['draftdesk-drafter', 'process support.triaged.v1'],
      ['draftdesk-review', 'process support.drafted.v1'],
      ['draftdesk-review', 'approve reply'],
      ['draftdesk-mail-send', 'process support.reply-approved.v1'],
      ['draftdesk-mail-send', 'send reply'],
      ['draftdesk-conversations', 'process support.reply-sent.v1'],
    ];
    const trace = await expectEventually(
      async () => {
        const root = collector.spans.find((s) => s.name === 'receive mail');
        expect(root).toBeDefined();
        const inTrace = collector.spans.filter((s) => s.traceId === root!.traceId);
        expect(inTrace.map((s) => [s.service, s.name])).toEqual(expect.arrayContaining(stages));
        return inTrace;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    // A tree, not a set of loose spans: every span's parent is in the trace, and only the mail has none.
    const ids = new Set(trace.map((s) => s.spanId));
    expect(trace.filter((s) => !s.parentSpanId).map((s) => s.name)).toEqual(['receive mail']);
    expect(trace.filter((s) => s.parentSpanId && !ids.has(s.parentSpanId)).map((s) => s.name)).toEqual([]);
    // The agent's approval request is linked from the approval span (it is its own trace).
    const approval = trace.find((s) => s.name === 'approve reply')!;
    expect(approval.links.length).toBe(1);
    expect(approval.links[0].traceId).not.toBe(approval.traceId);
    process.stdout.write(
      `trace ${trace[0].traceId}: ${trace.length} spans over ${new Set(trace.map((s) => s.service)).size} services\n`,
    );
  });
});
