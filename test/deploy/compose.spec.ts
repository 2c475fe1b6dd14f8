import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { APPS } from './deploy-apps.constants';
import { readYamlDocuments, repoRoot } from './manifest-loader.util';

const compose = parse(readFileSync(join(repoRoot, 'docker', 'compose.yaml'), 'utf8'), { merge: true });
const services: Record<string, any> = compose.services;

/** The README's configuration table: variable → the services of each row that names it ("all", "all but …", or a list). */
function settingsTable(): Map<string, string[]> {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const rows = new Map<string, string[]>();
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || !cells[1].startsWith('`')) continue;
    for (const name of cells[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g))
      rows.set(name[1], [...(rows.get(name[1]) ?? []), cells[3]]);
  }
  return rows;
}

function appliesTo(rows: string[], app: string): boolean {
  return rows.some((services) =>
    services === 'all' || services.startsWith('all but')
      ? !services.includes(app)
      : services.split(/,\s*/).includes(app),
  );
}

describe('docker/compose.yaml', () => {
  const table = settingsTable();

  it('runs Kafka (KRaft), PostgreSQL, the migration, every app and Prometheus', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['kafka', 'migrate', 'postgres', 'prometheus', ...APPS.map((a) => a.name)].sort(),
    );
    expect(services.kafka.environment.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(services.kafka.image).toMatch(/^apache\/kafka:3\.9\./);
    expect(services.postgres.image).toBe('postgres:15');
  });

  it.each(APPS.map((a) => [a.name, a]))(
    'builds and runs %s on its port, after the migration, with a readiness check',
    (name, app) => {
      const s = services[name as string];
      expect(s.build.args.APP).toBe(name);
      expect(s.environment.PORT).toBe(String(app.port));
      expect(s.depends_on.migrate.condition).toBe('service_completed_successfully');
      expect(s.healthcheck.test.join(' ')).toContain(`127.0.0.1:${app.port}/health/ready`);
    },
  );

  it.each(APPS.map((a) => [a.name, a]))(
    'gives %s every setting it needs and only settings the README documents for it',
    (name, app) => {
      const env: Record<string, string> = services[name as string].environment;
      const documented = (v: string) => table.has(v) && appliesTo(table.get(v)!, name as string);
      for (const needed of ['DATABASE_URL', 'KAFKA_BROKERS', ...app.config.filter(documented), ...app.secrets]) {
        expect([name, needed, needed in env]).toEqual([name, needed, true]);
      }
      const undocumented = Object.keys(env).filter((v) => v !== 'NODE_ENV' && !documented(v));
      expect(undocumented).toEqual([]);
    },
  );

  it('lets the migration run before anything else, on the same database', () => {
    expect(services.migrate.build.args.APP).toBe('migrate');
    expect(services.migrate.environment.DATABASE_URL).toBe(services.review.environment.DATABASE_URL);
    expect(services.migrate.depends_on.postgres.condition).toBe('service_healthy');
  });

  it('scrapes every app and evaluates the same alert rules as the Prometheus Operator setup', () => {
    const prometheus = parse(readFileSync(join(repoRoot, 'docker', 'prometheus', 'prometheus.yml'), 'utf8'));
    const targets = prometheus.scrape_configs.flatMap((c: any) => c.static_configs.flatMap((s: any) => s.targets));
    expect(targets.sort()).toEqual(APPS.map((a) => `${a.name}:${a.port}`).sort());
    const rules = parse(readFileSync(join(repoRoot, 'docker', 'prometheus', 'draftdesk.rules.yaml'), 'utf8'));
    const operator = readYamlDocuments(join(repoRoot, 'k8s', 'components', 'monitoring', 'prometheus-rule.yaml'))[0];
    expect(rules.groups).toEqual(operator.spec.groups);

    const dir = mkdtempSync(join(tmpdir(), 'draftdesk-compose-prom-'));
    writeFileSync(
      join(dir, 'draftdesk.rules.yaml'),
      readFileSync(join(repoRoot, 'docker', 'prometheus', 'draftdesk.rules.yaml')),
    );
    writeFileSync(
      join(dir, 'prometheus.yml'),
      JSON.stringify({ ...prometheus, rule_files: [join(dir, 'draftdesk.rules.yaml')] }),
    );
    const check = spawnSync('promtool', ['check', 'config', join(dir, 'prometheus.yml')], { encoding: 'utf8' });
    expect([check.status, check.stdout + check.stderr]).toEqual([0, expect.stringContaining('SUCCESS')]);
  });

  it('can tell a setting the README does not document for an app', () => {
    expect(appliesTo(table.get('IMAP_HOST')!, 'mail-ingest')).toBe(true);
    expect(appliesTo(table.get('IMAP_HOST')!, 'review')).toBe(false);
    expect(appliesTo(table.get('KAFKA_BROKERS')!, 'review')).toBe(true);
    expect(appliesTo(table.get('KAFKA_BROKERS')!, 'embedded')).toBe(false);
  });
});
