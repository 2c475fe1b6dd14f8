import { join, relative } from 'node:path';
import { APPS, DISRUPTION_BUDGETED } from './deploy-apps.constants';
import {
  checkAppDeployment,
  checkConfigAndNamespace,
  checkDisruptionBudget,
  checkMigrationJob,
  checkPreDeployPhase,
  checkService,
} from './manifest-checks.util';
import {
  K8sObject,
  kubectlAvailable,
  kubectlKustomize,
  listFiles,
  readKustomization,
  readYamlDocuments,
  referencedFiles,
  renderKustomization,
  repoRoot,
  resolveKustomization,
  withoutHash,
} from './manifest-loader.util';
import { schemaError } from './schema.util';

const k8sDir = join(repoRoot, 'k8s');
const baseDir = join(k8sDir, 'base');
// Components (k8s/components/*) render only on top of a base: test/deploy/components.spec.ts covers them.
const kustomizationDirs = listFiles(k8sDir)
  .filter((f) => f.endsWith('/kustomization.yaml'))
  .map((f) => f.slice(0, -'/kustomization.yaml'.length))
  .filter((dir) => readKustomization(dir).kind !== 'Component');
// Patch files hold fragments, not whole objects; they are checked through the rendered overlay.
const patchFiles = new Set(
  kustomizationDirs.flatMap((dir) =>
    ((readKustomization(dir).patches as { path?: string }[] | undefined) ?? [])
      .filter((p) => p.path)
      .map((p) => join(dir, p.path!)),
  ),
);
const manifestFiles = listFiles(k8sDir).filter(
  (f) => /\.ya?ml$/.test(f) && !f.endsWith('kustomization.yaml') && !patchFiles.has(f),
);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('k8s manifests', () => {
  it('finds the base and the dev and prod overlays', () => {
    expect(kustomizationDirs.map((d) => relative(k8sDir, d)).sort()).toEqual(['base', 'overlays/dev', 'overlays/prod']);
  });

  describe.each(manifestFiles.map((f) => [relative(repoRoot, f)]))('%s', (file) => {
    it('holds only objects that match the Kubernetes schema', () => {
      const documents = readYamlDocuments(join(repoRoot, file));
      expect(documents.length).toBeGreaterThan(0);
      expect(documents.map((d) => schemaError(d)).filter(Boolean)).toEqual([]);
    });
  });

  it('lists every file of k8s/base in its kustomization, and only files that exist', () => {
    const listed = referencedFiles(readKustomization(baseDir)).sort();
    const present = listFiles(baseDir)
      .map((f) => relative(baseDir, f))
      .filter((f) => f !== 'kustomization.yaml')
      .sort();
    expect(listed).toEqual(present);
  });

  describe.each(kustomizationDirs.map((d) => [relative(repoRoot, d)]))('rendered %s', (dir) => {
    const objects = renderKustomization(join(repoRoot, dir));

    it('renders objects that match the Kubernetes schema', () => {
      expect(objects.length).toBeGreaterThan(0);
      expect(objects.map((o) => [o.kind, o.metadata.name, schemaError(o)]).filter(([, , e]) => e)).toEqual([]);
    });

    it('has the namespace, the shared ConfigMap without secrets in it, and the Secret', () => {
      expect(checkConfigAndNamespace(objects)).toEqual([]);
    });

    it.each(APPS.map((app) => [app.name, app]))(
      'runs %s with probes, resources, a non-root security context and its settings',
      (_, app) => {
        expect(checkAppDeployment(objects, app)).toEqual([]);
        expect(checkService(objects, app)).toEqual([]);
      },
    );

    it.each(DISRUPTION_BUDGETED)('has a PodDisruptionBudget for %s', (app) => {
      expect(checkDisruptionBudget(objects, app)).toEqual([]);
    });

    it('has the migration Job', () => {
      expect(checkMigrationJob(objects)).toEqual([]);
    });

    it('labels exactly what must exist before the apps roll: namespace, settings, Secret, Job', () => {
      expect(checkPreDeployPhase(objects)).toEqual([]);
    });
  });

  // The checks above pass on the real manifests; these show they fail on broken ones.
  describe('catches a broken base', () => {
    const base = resolveKustomization(baseDir);
    const review = APPS.find((app) => app.name === 'review')!;
    const mailIngest = APPS.find((app) => app.name === 'mail-ingest')!;
    const container = (objects: K8sObject[], name: string) =>
      objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name)!.spec.template.spec.containers[0];

    const mutations: Array<[string, (objects: K8sObject[]) => void, (objects: K8sObject[]) => string[]]> = [
      ['no readiness probe', (o) => delete container(o, 'review').readinessProbe, (o) => checkAppDeployment(o, review)],
      [
        'liveness on /health/ready',
        (o) => (container(o, 'review').livenessProbe.httpGet.path = '/health/ready'),
        (o) => checkAppDeployment(o, review),
      ],
      ['no startup probe', (o) => delete container(o, 'review').startupProbe, (o) => checkAppDeployment(o, review)],
      [
        'no memory limit',
        (o) => delete container(o, 'review').resources.limits.memory,
        (o) => checkAppDeployment(o, review),
      ],
      [
        'writable root filesystem',
        (o) => (container(o, 'review').securityContext.readOnlyRootFilesystem = false),
        (o) => checkAppDeployment(o, review),
      ],
      [
        'runs as root',
        (o) => (o.find((x) => x.metadata.name === 'review')!.spec.template.spec.securityContext.runAsUser = 0),
        (o) => checkAppDeployment(o, review),
      ],
      [
        'wrong container port',
        (o) => (container(o, 'review').ports[0].containerPort = 8080),
        (o) => checkAppDeployment(o, review),
      ],
      [
        'IMAP password as a literal',
        (o) => (container(o, 'mail-ingest').env.find((e: any) => e.name === 'IMAP_PASSWORD').valueFrom = undefined),
        (o) => checkAppDeployment(o, mailIngest),
      ],
      [
        'a secret in the ConfigMap',
        (o) => (o.find((x) => x.kind === 'ConfigMap')!.data.DATABASE_URL = 'postgres://x'),
        checkConfigAndNamespace,
      ],
      [
        'NODE_ENV not production',
        (o) =>
          (o.find((x) => x.kind === 'ConfigMap' && withoutHash(x.metadata.name) === 'draftdesk-config')!.data.NODE_ENV =
            'development'),
        checkConfigAndNamespace,
      ],
      [
        'no Service for review',
        (o) =>
          o.splice(
            o.findIndex((x) => x.kind === 'Service' && x.metadata.name === 'review'),
            1,
          ),
        (o) => checkService(o, review),
      ],
      [
        'no PodDisruptionBudget',
        (o) =>
          o.splice(
            o.findIndex((x) => x.kind === 'PodDisruptionBudget'),
            1,
          ),
        (o) => checkDisruptionBudget(o, 'conversations'),
      ],
      [
        'a Deployment in the pre-deploy phase',
        (o) => (o.find((x) => x.kind === 'Deployment')!.metadata.labels!['draftdesk.io/pre-deploy'] = 'true'),
        checkPreDeployPhase,
      ],
      [
        'no backoffLimit on the Job',
        (o) => delete o.find((x) => x.kind === 'Job')!.spec.backoffLimit,
        checkMigrationJob,
      ],
    ];

    it.each(mutations)('%s', (_, breakIt, check) => {
      expect(check(base)).toEqual([]);
      const broken = clone(base);
      breakIt(broken);
      expect(check(broken)).not.toEqual([]);
    });

    it('rejects an object that breaks the schema', () => {
      const deployment = clone(base.find((o) => o.kind === 'Deployment')!);
      delete deployment.spec.selector;
      expect(schemaError(deployment)).toMatch(/selector/);
    });
  });

  const withKubectl = kubectlAvailable();
  (withKubectl ? describe : describe.skip)(
    `the built-in resolution used without kubectl${withKubectl ? '' : ' (skipped: no kubectl to compare with)'}`,
    () => {
      it('yields the same objects, labels and generated data as kubectl kustomize', () => {
        const summary = (objects: K8sObject[]) =>
          objects
            .map((o) => {
              const data = o.data ? JSON.stringify(Object.entries(o.data).sort()) : '';
              const labels = JSON.stringify(Object.entries(o.metadata.labels ?? {}).sort());
              return `${o.kind}/${o.metadata.namespace ?? ''}/${withoutHash(o.metadata.name)}${labels}${data}`;
            })
            .sort();
        // The built-in resolution knows no components; overlays that use them are rendered by kubectl only.
        for (const dir of kustomizationDirs.filter((d) => !readKustomization(d).components)) {
          expect(summary(resolveKustomization(dir))).toEqual(summary(kubectlKustomize(dir)));
        }
      });
    },
  );
});
