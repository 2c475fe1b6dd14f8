import { configureLogging } from '@draftdesk/observability';
import { createServiceApp } from '@draftdesk/platform';
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines } from '../support/engines';
import { freePort } from '../support/services';
import { AUDITED_APPS } from './audited-apps';
import { AuditedRoute, concretePath, expressRoutes, listRoutes, printRoutes } from './route-audit.util';

// What a stranger may send: nothing, a made-up token, another scheme, a made-up session cookie.
const ANONYMOUS: { name: string; headers: Record<string, string> }[] = [
  { name: 'no credentials', headers: {} },
  { name: 'a garbage bearer token', headers: { authorization: 'Bearer garbage-0123456789abcdef0123456789' } },
  { name: 'another scheme', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } },
  { name: 'a made-up session cookie', headers: { cookie: 'dd_session=garbage', 'x-csrf-token': 'garbage' } },
];

/**
 * Every app, started from its real root module on real PostgreSQL and Kafka: each route the Nest router serves is
 * either marked @Public() or refuses anonymous callers with 401/403 — so a new route cannot ship open.
 */
describe.each(AUDITED_APPS)('route audit: $name', (audited) => {
  let db: TestDatabase;
  let app: INestApplication;
  let base: string;
  let routes: AuditedRoute[];

  beforeAll(async () => {
    configureLogging(`audit-${audited.name}`, 'warn');
    db = await createTestDatabase(`audit_${audited.name}`);
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: `audit-${randomBytes(3).toString('hex')}.`,
      SMTP_INBOUND_PORT: String(await freePort()),
    };
    app = await createServiceApp({ module: audited.module(env), configure: audited.configure });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    routes = listRoutes(app);
    printRoutes(audited.name, routes);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  async function call(route: AuditedRoute, headers: Record<string, string>) {
    const method = route.method === 'ALL' ? 'GET' : route.method;
    const hasBody = !['GET', 'HEAD', 'DELETE'].includes(method);
    const controller = new AbortController();
    const res = await fetch(`${base}${concretePath(route.path)}`, {
      method,
      headers: { ...headers, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
      body: hasBody ? '{}' : undefined,
      signal: controller.signal,
    });
    // Event streams stay open; the status line is all this needs.
    const text = res.headers.get('content-type')?.startsWith('text/event-stream') ? '' : await res.text();
    controller.abort();
    return { status: res.status, text };
  }

  it('keeps health and metrics open for probes and scrapers', () => {
    expect(routes.filter((r) => r.public).map((r) => r.path)).toEqual(
      expect.arrayContaining(['/health/live', '/health/ready', '/metrics']),
    );
  });

  it('publishes, without credentials, an OpenAPI document at /docs/json that lists every route of the app', async () => {
    expect(routes.filter((r) => r.path.startsWith('/docs')).every((r) => r.public)).toBe(true);
    const res = await fetch(`${base}/docs/json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const expected = routes
      .filter((r) => r.documented && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(documented.sort()).toEqual([...new Set(expected)].sort());
    expect((await fetch(`${base}/docs`)).status).toBe(200);
  });

  it('serves through Express no route the Nest router does not list', () => {
    const listed = new Set(routes.map((r) => `${r.method === 'ALL' ? 'ALL' : r.method} ${r.path}`));
    const unlisted = expressRoutes(app).filter(
      (r) => !listed.has(`${r.method === '_ALL' ? 'ALL' : r.method} ${r.path}`),
    );
    expect(unlisted).toEqual([]);
  });

  it.each(ANONYMOUS)(
    'refuses $name on every route that is not public, with 401/403 in the one error shape',
    async ({ headers }) => {
      const answers: { route: string; status: number }[] = [];
      for (const route of routes.filter((r) => !r.public)) {
        const { status, text } = await call(route, headers);
        answers.push({ route: `${route.method} ${route.path}`, status });
        if (status === 401 || status === 403) {
          expect(JSON.parse(text)).toEqual({
            statusCode: status,
            code: expect.any(String),
            message: expect.any(String),
            errors: [],
          });
        }
      }
      expect(answers.filter((a) => a.status !== 401 && a.status !== 403)).toEqual([]);
    },
  );

  it('lets the realm credential through on every guarded GET route', async () => {
    const opened: { route: string; status: number }[] = [];
    for (const route of routes.filter((r) => !r.public && r.method === 'GET')) {
      const credential = audited.credentials[route.realm ?? ''];
      if (!credential) continue;
      const { status } = await call(route, { authorization: credential });
      opened.push({ route: `${route.method} ${route.path}`, status });
    }
    process.stdout.write(
      `${audited.name}: ${opened.map((o) => `${o.route} → ${o.status}`).join(', ') || 'no guarded GET routes'}\n`,
    );
    expect(opened.filter((o) => o.status === 401 || o.status === 403)).toEqual([]);
  });
});
