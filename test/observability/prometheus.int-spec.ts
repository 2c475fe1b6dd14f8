import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { createTestDatabase, TestDatabase } from '../support/database';
import { engines, repoRoot } from '../support/engines';
import { expectEventually } from '../support/expect-eventually';
import { inboundEmail, publishInbound } from '../support/inbound';
import { freePort, RunningService, ServiceName, startService } from '../support/services';

/**
 * The services in Kafka + PostgreSQL mode, scraped by a real Prometheus (Debian's package) that evaluates the
 * alert rules of k8s/components/monitoring: the series an operator relies on exist, and stopping a consumer makes
 * the lag alert fire. The lag rule runs with its windows scaled from minutes down to seconds; its expression is
 * the production one.
 */
describe('metrics scraped by a real Prometheus', () => {
  const prefix = `prom-${randomBytes(4).toString('hex')}.`;
  const token = `prom-${randomBytes(24).toString('hex')}`;
  const names: ServiceName[] = ['conversations', 'triage', 'drafter', 'review'];
  const services: Partial<Record<ServiceName, RunningService>> = {};
  let db: TestDatabase;
  let prometheus: ChildProcess;
  let prometheusUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase('prometheus');
    const common = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: engines.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_LAG_SAMPLE_SECONDS: '1',
    };
    for (const name of names)
      services[name] = await startService(
        name,
        { ...common, ...(name === 'review' ? { REVIEW_API_TOKEN: token } : {}) },
        `prom-${name}`,
      );
    await Promise.all(names.map((n) => services[n]!.ready()));
    prometheusUrl = await startPrometheus(names.map((n) => [n, services[n]!.port] as const));
  });

  afterAll(async () => {
    prometheus?.kill('SIGKILL');
    await Promise.all(Object.values(services).map((s) => s.kill('SIGTERM')));
    await db?.drop();
  });

  async function startPrometheus(targets: ReadonlyArray<readonly [string, number]>): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'draftdesk-prometheus-'));
    const rule = parse(readFileSync(join(repoRoot, 'k8s', 'components', 'monitoring', 'prometheus-rule.yaml'), 'utf8'));
    for (const group of rule.spec.groups) {
      for (const r of group.rules) {
        if (r.alert !== 'DraftdeskConsumerLagGrowing') continue;
        r.expr = String(r.expr).replace('> 500', '> 3').replace('[10m]', '[15s]');
        r.for = '2s';
      }
    }
    writeFileSync(join(dir, 'rules.yaml'), stringify({ groups: rule.spec.groups }));
    writeFileSync(
      join(dir, 'prometheus.yml'),
      stringify({
        global: { scrape_interval: '1s', evaluation_interval: '1s' },
        rule_files: ['rules.yaml'],
        // The same `app` label the PodMonitor's relabeling gives in a cluster.
        scrape_configs: targets.map(([app, port]) => ({
          job_name: app,
          static_configs: [{ targets: [`127.0.0.1:${port}`], labels: { app } }],
        })),
      }),
    );
    const port = await freePort();
    const logs = join(repoRoot, 'test-artifacts', 'logs');
    mkdirSync(logs, { recursive: true });
    prometheus = spawn(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const out = createWriteStream(join(logs, 'prometheus.log'));
    prometheus.stdout!.pipe(out);
    prometheus.stderr!.pipe(out);
    const url = `http://127.0.0.1:${port}`;
    await expectEventually(async () => expect((await fetch(`${url}/-/ready`)).status).toBe(200), { timeoutMs: 30_000 });
    return url;
  }

  async function query(promql: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
    const res = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await res.json()) as {
      status: string;
      data: { result: { metric: Record<string, string>; value: [number, string] }[] };
    };
    expect(body.status).toBe('success');
    return body.data.result;
  }

  const mail = (i: number) =>
    inboundEmail({
      externalMessageId: `prom-${i}-${randomBytes(6).toString('hex')}@example.test`,
      from: { address: `prom-${i}-${randomBytes(3).toString('hex')}@example.test`, name: 'Customer' },
      subject: 'Where is my order?',
      text: 'Hello, I ordered last week and nothing has arrived yet. Where is my order?',
    });

  it('shows the pipeline series, and fires the lag alert when the triage consumer stops', async () => {
    await publishInbound(prefix, ...Array.from({ length: 5 }, (_, i) => mail(i)));
    await expectEventually(
      async () => {
        const res = await fetch(`${services.review!.url}/v1/drafts?status=pending`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(5);
      },
      { timeoutMs: 90_000 },
    );

    // Every stage is scraped and reports what an operator asks: throughput, stage latency, decisions, lag, outbox.
    await expectEventually(
      async () => {
        expect((await query('up == 1')).map((r) => r.metric.app).sort()).toEqual([...names].sort());
        const applied = await query('sum by (consumer) (draftdesk_events_consumed_total{outcome="applied"})');
        expect(applied.map((r) => r.metric.consumer).sort()).toEqual(
          expect.arrayContaining(['conversations', 'drafter', 'review', 'triage']),
        );
        const stages = await query('sum by (consumer) (draftdesk_event_age_seconds_count)');
        expect(stages.map((r) => r.metric.consumer)).toEqual(
          expect.arrayContaining(['conversations', 'triage', 'drafter', 'review']),
        );
        expect(Number((await query('sum(draftdesk_drafts_total)'))[0]?.value[1])).toBe(5);
        expect((await query('draftdesk:consumer_lag:sum')).map((r) => r.metric.group)).toEqual(
          expect.arrayContaining([`${prefix}draftdesk.triage`]),
        );
        expect((await query('draftdesk_outbox_oldest_age_seconds')).length).toBeGreaterThan(0);
      },
      { timeoutMs: 60_000, intervalMs: 1_000 },
    );
    expect(await query('ALERTS{alertname="DraftdeskConsumerLagGrowing"}')).toEqual([]);

    // Triage stops; mail keeps arriving, so its group falls further behind and the alert fires for that group.
    await services.triage!.kill('SIGKILL');
    let sent = 5;
    const trickle = setInterval(
      () => void publishInbound(prefix, mail(sent++), mail(sent++)).catch(() => undefined),
      1_000,
    );
    try {
      const firing = await expectEventually(
        async () => {
          const alerts = await query('ALERTS{alertname="DraftdeskConsumerLagGrowing",alertstate="firing"}');
          expect(alerts.map((a) => a.metric.group)).toContain(`${prefix}draftdesk.triage`);
          return alerts;
        },
        { timeoutMs: 90_000, intervalMs: 1_000 },
      );
      // Only the stopped consumer's group is behind.
      expect(firing.map((a) => a.metric.group)).toEqual([`${prefix}draftdesk.triage`]);
    } finally {
      clearInterval(trickle);
    }
  });
});
