import { ALL_TOPICS, DEFAULT_PARTITIONS, deadLetterTopic } from '@draftdesk/contracts';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { APPS } from './deploy-apps.constants';
import { K8sObject, kubectlKustomize, listFiles, readYamlDocuments, repoRoot } from './manifest-loader.util';
import { schemaError } from './schema.util';

const k8sDir = join(repoRoot, 'k8s');
const components = listFiles(join(k8sDir, 'components'))
  .filter((f) => f.endsWith('/kustomization.yaml'))
  .map((f) => relative(join(k8sDir, 'components'), f).split('/')[0])
  .sort();

/** kubectl kustomize of the base with the given components, through a throwaway overlay. */
function renderWith(...names: string[]): K8sObject[] {
  const dir = mkdtempSync(join(tmpdir(), 'draftdesk-k8s-'));
  const rel = relative(dir, k8sDir);
  writeFileSync(
    join(dir, 'kustomization.yaml'),
    stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: [`${rel}/base`],
      components: names.map((n) => `${rel}/components/${n}`),
    }),
  );
  return kubectlKustomize(dir);
}

const byKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const CONSUMER_APPS = ['conversations', 'triage', 'drafter', 'review', 'mail-send', 'chat-gateway'];

/** The consumer names the apps register (`@OnEvent(topic, CONSUMER)`), read from the code. */
function consumerNames(): string[] {
  return CONSUMER_APPS.flatMap((app) =>
    listFiles(join(repoRoot, 'apps', app, 'src'))
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/export const CONSUMER = '([a-z-]+)'/g)].map((m) => m[1])),
  );
}

describe('k8s components', () => {
  it('has the components an operator picks from', () => {
    expect(components).toEqual([
      'cloudnative-pg',
      'gateway-api',
      'hpa',
      'ingress',
      'keda',
      'monitoring',
      'network-policies',
      'strimzi',
    ]);
  });

  describe.each(components.map((c) => [c]))('base + %s', (component) => {
    it('renders objects that match their schema', () => {
      const objects = renderWith(component);
      expect(objects.length).toBeGreaterThan(0);
      expect(objects.map((o) => [o.kind, o.metadata.name, schemaError(o)]).filter(([, , e]) => e)).toEqual([]);
    });
  });

  it('scales Kafka consumers on the lag of their own group and topic, never beyond the partition count', () => {
    const objects = renderWith('keda');
    const deployments = new Set(byKind(objects, 'Deployment').map((d) => d.metadata.name));
    const groups = new Set(consumerNames().map((c) => `draftdesk.${c}`));
    const scaled = byKind(objects, 'ScaledObject');
    expect(scaled.length).toBeGreaterThanOrEqual(4);
    for (const s of scaled) {
      expect(deployments.has(s.spec.scaleTargetRef.name)).toBe(true);
      expect(s.spec.maxReplicaCount).toBeLessThanOrEqual(DEFAULT_PARTITIONS);
      for (const trigger of s.spec.triggers) {
        expect(trigger.type).toBe('kafka');
        expect(groups).toContain(trigger.metadata.consumerGroup);
        expect(ALL_TOPICS).toContain(trigger.metadata.topic);
      }
    }
  });

  it('declares every topic and its dead-letter topic for Strimzi, with the partitions the apps expect', () => {
    const topics = byKind(renderWith('strimzi'), 'KafkaTopic');
    const names = topics.map((t) => t.spec.topicName ?? t.metadata.name).sort();
    expect(names).toEqual(ALL_TOPICS.flatMap((t) => [t, deadLetterTopic(t)]).sort());
    for (const t of topics) expect(t.spec.partitions).toBe(DEFAULT_PARTITIONS);
  });

  it('routes only the desk and the chat webhooks from outside, to Services and ports that exist', () => {
    for (const component of ['ingress', 'gateway-api']) {
      const objects = renderWith(component);
      const services = byKind(objects, 'Service');
      const backends =
        component === 'ingress'
          ? byKind(objects, 'Ingress').flatMap((i) =>
              i.spec.rules.flatMap((r: any) =>
                r.http.paths.map((p: any) => ({
                  path: p.path,
                  name: p.backend.service.name,
                  port: p.backend.service.port.name,
                })),
              ),
            )
          : byKind(objects, 'HTTPRoute').flatMap((r) =>
              r.spec.rules.flatMap((rule: any) =>
                rule.backendRefs.map((b: any) => ({ path: rule.matches[0].path.value, name: b.name, port: b.port })),
              ),
            );
      expect(backends.map((b) => b.name).sort()).toEqual(['chat-gateway', 'review']);
      for (const b of backends) {
        const service = services.find((s) => s.metadata.name === b.name)!;
        expect(service.spec.ports.some((p: any) => p.name === b.port || p.port === b.port)).toBe(true);
      }
      // The channel admin API (/v1/chat/channels) is not reachable through the webhook route.
      expect(backends.find((b) => b.name === 'chat-gateway')!.path).toBe('/v1/channels');
    }
  });
});

describe('k8s overlays/prod', () => {
  const objects = kubectlKustomize(join(k8sDir, 'overlays', 'prod'));
  const deployments = byKind(objects, 'Deployment');

  it('renders objects that match their schema', () => {
    expect(objects.map((o) => [o.kind, o.metadata.name, schemaError(o)]).filter(([, , e]) => e)).toEqual([]);
  });

  it('enforces the restricted pod security profile on the namespace, and every pod meets it', () => {
    const namespace = byKind(objects, 'Namespace')[0];
    expect(namespace.metadata.labels).toMatchObject({ 'pod-security.kubernetes.io/enforce': 'restricted' });
    for (const workload of [...deployments, ...byKind(objects, 'Job')]) {
      const pod = workload.spec.template.spec;
      expect([workload.metadata.name, pod.securityContext?.runAsNonRoot]).toEqual([workload.metadata.name, true]);
      for (const c of pod.containers) {
        const seccomp = c.securityContext?.seccompProfile?.type ?? pod.securityContext?.seccompProfile?.type;
        expect([
          workload.metadata.name,
          c.securityContext?.allowPrivilegeEscalation,
          c.securityContext?.capabilities?.drop,
          seccomp,
          c.securityContext?.readOnlyRootFilesystem,
        ]).toEqual([workload.metadata.name, false, ['ALL'], 'RuntimeDefault', true]);
      }
    }
  });

  it('runs two or more replicas of every app (or autoscales them) spread over nodes and zones', () => {
    const autoscaled = new Set(byKind(objects, 'HorizontalPodAutoscaler').map((h) => h.spec.scaleTargetRef.name));
    expect([...autoscaled].sort()).toEqual(['chat-gateway', 'review']);
    for (const d of deployments) {
      if (!autoscaled.has(d.metadata.name))
        expect([d.metadata.name, d.spec.replicas >= 2]).toEqual([d.metadata.name, true]);
      const keys = (d.spec.template.spec.topologySpreadConstraints ?? []).map((t: any) => t.topologyKey).sort();
      expect([d.metadata.name, keys]).toEqual([
        d.metadata.name,
        ['kubernetes.io/hostname', 'topology.kubernetes.io/zone'],
      ]);
    }
  });

  it('pins images from a registry instead of :latest', () => {
    for (const d of [...deployments, ...byKind(objects, 'Job')]) {
      for (const c of d.spec.template.spec.containers)
        expect(c.image).toMatch(/^registry\.example\.com\/draftdesk\/[a-z-]+:\d+\.\d+\.\d+$/);
    }
  });

  describe('network policies', () => {
    const policies = byKind(objects, 'NetworkPolicy');
    const podLabels = (app: string) =>
      deployments.find((d) => d.metadata.name === app)!.spec.template.metadata.labels as Record<string, string>;
    const selects = (policy: K8sObject, labels: Record<string, string>) => {
      const selector = policy.spec.podSelector ?? {};
      const matchLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
      const matchExpressions = (selector.matchExpressions ?? []).every(
        (e: any) => e.operator === 'In' && e.values.includes(labels[e.key]),
      );
      return matchLabels && matchExpressions;
    };
    const egressPorts = (app: string) =>
      policies
        .filter((p) => selects(p, podLabels(app)) && p.spec.policyTypes.includes('Egress'))
        .flatMap((p) => (p.spec.egress ?? []).flatMap((rule: any) => (rule.ports ?? []).map((port: any) => port.port)));
    const ingressFrom = (app: string) =>
      policies
        .filter((p) => selects(p, podLabels(app)) && p.spec.policyTypes.includes('Ingress'))
        .flatMap((p) =>
          (p.spec.ingress ?? []).flatMap((rule: any) =>
            (rule.from ?? []).map((f: any) => JSON.stringify(f.namespaceSelector?.matchLabels ?? {})),
          ),
        );

    it('denies everything by default, in and out', () => {
      const deny = policies.find(
        (p) => Object.keys(p.spec.podSelector).length === 0 && !p.spec.ingress && !p.spec.egress,
      )!;
      expect(deny.spec.policyTypes.sort()).toEqual(['Egress', 'Ingress']);
    });

    it.each(APPS.map((a) => [a.name]))('lets %s reach only what it needs', (app) => {
      const ports = egressPorts(app);
      expect(ports).toEqual(expect.arrayContaining([53, 5432, 9092]));
      const mail = [993, 143, 587, 465, 25];
      if (app === 'mail-ingest') expect(ports).toEqual(expect.arrayContaining([993, 143]));
      else if (app === 'mail-send') expect(ports).toEqual(expect.arrayContaining([587, 465]));
      else expect(ports.filter((p: number) => mail.includes(p))).toEqual([]);
      const https = ['mail-ingest', 'chat-gateway', 'drafter', 'triage'].includes(app);
      expect([app, ports.includes(443)]).toEqual([app, https]);
    });

    it.each(APPS.map((a) => [a.name]))(
      'lets traffic into %s only from the ingress controller (if public) and Prometheus',
      (app) => {
        const from = ingressFrom(app).sort();
        const expected = [JSON.stringify({ 'draftdesk.io/monitoring': 'true' })];
        if (app === 'review' || app === 'chat-gateway')
          expected.push(JSON.stringify({ 'draftdesk.io/ingress': 'true' }));
        expect(from).toEqual(expected.sort());
      },
    );
  });
});

describe('alert rules', () => {
  const rule = readYamlDocuments(join(k8sDir, 'components', 'monitoring', 'prometheus-rule.yaml'))[0];
  const rules: { alert?: string; record?: string; expr: string; annotations?: Record<string, string> }[] =
    rule.spec.groups.flatMap((g: any) => g.rules);

  function promtool(args: string[], cwd: string) {
    const run = spawnSync('promtool', args, { cwd, encoding: 'utf8' });
    if (run.error)
      throw new Error(
        `promtool is needed (Debian package prometheus; scripts/engines/prometheus.sh installs it): ${run.error.message}`,
      );
    return run;
  }

  it('pass `promtool check rules` and the unit tests in alerts.promtool.yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'draftdesk-rules-'));
    writeFileSync(join(dir, 'rules.yaml'), stringify({ groups: rule.spec.groups }));
    copyFileSync(join(__dirname, 'alerts.promtool.yaml'), join(dir, 'alerts.promtool.yaml'));
    const check = promtool(['check', 'rules', 'rules.yaml'], dir);
    expect(check.stdout + check.stderr).toContain('SUCCESS');
    const test = promtool(['test', 'rules', 'alerts.promtool.yaml'], dir);
    expect([test.status, test.stdout + test.stderr]).toEqual([0, expect.stringContaining('SUCCESS')]);
  });

  it('has a unit test for every alert', () => {
    const tests = parse(readFileSync(join(__dirname, 'alerts.promtool.yaml'), 'utf8')).tests as {
      alert_rule_test?: { alertname: string; exp_alerts: unknown[] }[];
    }[];
    const tested = new Set(
      tests.flatMap((t) => (t.alert_rule_test ?? []).filter((a) => a.exp_alerts.length > 0).map((a) => a.alertname)),
    );
    const untested = rules.filter(
      (r) =>
        r.alert && !tested.has(r.alert) && r.alert !== 'DraftdeskSlaBreached' && r.alert !== 'DraftdeskModelFailing',
    );
    expect(untested.map((r) => r.alert)).toEqual([]);
  });

  it('links every alert to a section of docs/runbook.md', () => {
    const runbook = readFileSync(join(repoRoot, 'docs', 'runbook.md'), 'utf8');
    const anchors = new Set(
      [...runbook.matchAll(/^## (.+)$/gm)].map((m) =>
        m[1]
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    for (const r of rules.filter((x) => x.alert)) {
      const link = r.annotations?.runbook_url ?? '';
      expect([r.alert, link.startsWith('docs/runbook.md#') && anchors.has(link.split('#')[1])]).toEqual([
        r.alert,
        true,
      ]);
    }
  });

  it('uses only metrics the apps serve', () => {
    expect(unknownMetrics(rules.map((r) => r.expr))).toEqual([]);
  });

  it('can tell a metric the apps do not serve', () => {
    expect(unknownMetrics(['rate(draftdesk_replies_sent_total[5m])', 'draftdesk_consumer_lag'])).toEqual([
      'draftdesk_replies_sent_total',
    ]);
  });
});

describe('Grafana dashboard', () => {
  const dashboard = JSON.parse(
    readFileSync(join(k8sDir, 'components', 'monitoring', 'grafana', 'draftdesk-dashboard.json'), 'utf8'),
  );
  const panels: any[] = dashboard.panels.filter((p: any) => p.type !== 'row');

  it('has the pipeline overview and a row per service, each panel with a query on the chosen data source', () => {
    expect(dashboard.panels.filter((p: any) => p.type === 'row').map((p: any) => p.title)).toEqual([
      'Pipeline overview',
      'Per service',
    ]);
    expect(panels.length).toBeGreaterThanOrEqual(12);
    for (const p of panels) {
      expect([p.title, p.datasource?.uid, p.targets.length > 0]).toEqual([p.title, '${datasource}', true]);
    }
  });

  it('queries only metrics the apps serve (or the recording rules)', () => {
    expect(unknownMetrics(panels.flatMap((p) => p.targets.map((t: any) => t.expr)))).toEqual([]);
  });
});

/** Metric names in PromQL expressions that neither the apps' code, the default process metrics nor a recording rule define. */
function unknownMetrics(expressions: string[]): string[] {
  const code = ['apps', 'libs']
    .flatMap((d) => listFiles(join(repoRoot, d)))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const served = new Set([...code.matchAll(/name: '(draftdesk_[a-z_]+)'/g)].map((m) => m[1]));
  const rule = readYamlDocuments(join(k8sDir, 'components', 'monitoring', 'prometheus-rule.yaml'))[0];
  const recorded = new Set<string>(
    rule.spec.groups.flatMap((g: any) => g.rules.filter((r: any) => r.record).map((r: any) => r.record)),
  );
  const used = new Set(expressions.flatMap((e) => [...e.matchAll(/\b(draftdesk[:_][a-z_:]+)\b/g)].map((m) => m[1])));
  // prom-client's default metrics, registered with the draftdesk_ prefix (libs/observability).
  const isDefault = (m: string) => /^draftdesk_(process|nodejs)_/.test(m);
  return [...used].filter(
    (m) =>
      !recorded.has(m) && !isDefault(m) && !served.has(m) && !served.has(m.replace(/_(total|bucket|sum|count)$/, '')),
  );
}
