import {
  ALL_SECRET_KEYS,
  COMMON_CONFIG,
  COMMON_SECRETS,
  CONFIG_MAP,
  DeployedApp,
  MIGRATION_JOB,
  NAMESPACE,
  RUN_AS_USER,
  SECRET,
} from './deploy-apps.constants';
import { K8sObject, withoutHash } from './manifest-loader.util';

// Each check returns the problems it finds, so a spec can show that a broken manifest is caught.

const find = (objects: K8sObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && withoutHash(o.metadata.name) === name);

const decode = (secret: K8sObject): Record<string, string> => ({
  ...Object.fromEntries(
    Object.entries(secret.data ?? {}).map(([k, v]) => [k, Buffer.from(String(v), 'base64').toString()]),
  ),
  ...(secret.stringData ?? {}),
});

const matches = (selector: Record<string, string> = {}, labels: Record<string, string> = {}) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

function checkPodSecurity(where: string, pod: any): string[] {
  const problems: string[] = [];
  for (const container of pod.containers ?? []) {
    const context = { ...pod.securityContext, ...container.securityContext };
    if (context.runAsNonRoot !== true) problems.push(`${where}: runAsNonRoot is not true`);
    if (context.runAsUser !== RUN_AS_USER) problems.push(`${where}: runAsUser is not ${RUN_AS_USER}`);
    if (container.securityContext?.allowPrivilegeEscalation !== false)
      problems.push(`${where}: allowPrivilegeEscalation is not false`);
    if (container.securityContext?.readOnlyRootFilesystem !== true)
      problems.push(`${where}: root filesystem is writable`);
    if (!container.securityContext?.capabilities?.drop?.includes('ALL'))
      problems.push(`${where}: capabilities are not dropped`);
    const tmp = (container.volumeMounts ?? []).find((m: any) => m.mountPath === '/tmp');
    const volume = (pod.volumes ?? []).find((v: any) => v.name === tmp?.name);
    if (!volume?.emptyDir) problems.push(`${where}: /tmp is not an emptyDir`);
    for (const bound of ['requests', 'limits']) {
      for (const resource of ['cpu', 'memory']) {
        if (!container.resources?.[bound]?.[resource]) problems.push(`${where}: no ${resource} ${bound}`);
      }
    }
  }
  return problems;
}

/** Where each variable of a container comes from: 'config', 'secret', 'literal', or missing. */
function envSources(objects: K8sObject[], container: any): Map<string, { source: string; optional: boolean }> {
  const sources = new Map<string, { source: string; optional: boolean }>();
  for (const from of container.envFrom ?? []) {
    const configMap =
      from.configMapRef && objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === from.configMapRef.name);
    for (const key of Object.keys(configMap?.data ?? {})) sources.set(key, { source: 'config', optional: false });
    if (from.secretRef) sources.set('*', { source: 'secret-bulk', optional: false });
  }
  for (const env of container.env ?? []) {
    const ref = env.valueFrom?.secretKeyRef ?? env.valueFrom?.configMapKeyRef;
    const kind = env.valueFrom?.secretKeyRef ? 'Secret' : 'ConfigMap';
    const target = ref && objects.find((o) => o.kind === kind && o.metadata.name === ref.name);
    const present = target && (kind === 'Secret' ? decode(target) : (target.data ?? {}))[ref.key] !== undefined;
    if (ref && !present && !ref.optional) continue;
    const source = !ref ? 'literal' : kind === 'Secret' ? `secret:${withoutHash(ref.name)}` : 'config';
    sources.set(env.name, { source, optional: Boolean(ref?.optional) });
  }
  return sources;
}

function checkEnv(
  where: string,
  objects: K8sObject[],
  container: any,
  config: string[],
  secrets: string[],
  optional: string[],
): string[] {
  const problems: string[] = [];
  const sources = envSources(objects, container);
  if (sources.has('*')) problems.push(`${where}: envFrom a whole Secret hands every app every credential`);
  for (const key of config) {
    if (!sources.has(key)) problems.push(`${where}: ${key} is not set`);
  }
  for (const key of [...secrets, ...optional]) {
    const source = sources.get(key);
    if (!source) problems.push(`${where}: ${key} is not set from a Secret`);
    else if (source.source !== `secret:${SECRET}`)
      problems.push(`${where}: ${key} comes from ${source.source}, not ${SECRET}`);
    else if (source.optional !== optional.includes(key))
      problems.push(`${where}: ${key} optional should be ${optional.includes(key)}`);
  }
  return problems;
}

export function checkAppDeployment(objects: K8sObject[], app: DeployedApp): string[] {
  const where = `Deployment ${app.name}`;
  const deployment = find(objects, 'Deployment', app.name);
  if (!deployment) return [`${where} is missing`];
  const pod = deployment.spec.template.spec;
  const container = pod.containers.find((c: any) => c.name === app.name) ?? pod.containers[0];
  const problems = checkPodSecurity(where, pod);
  // Overlays may put the image in their own registry (registry.example.com/draftdesk/<app>:<tag>).
  if (!new RegExp(`(^|/)draftdesk/${app.name}:`).test(String(container.image)))
    problems.push(`${where}: image ${container.image}`);
  const port = (container.ports ?? []).find((p: any) => p.containerPort === app.port);
  if (!port) problems.push(`${where}: no containerPort ${app.port}`);
  const envPort = (container.env ?? []).find((e: any) => e.name === 'PORT')?.value;
  if (envPort !== String(app.port)) problems.push(`${where}: PORT is ${envPort}, not ${app.port}`);
  const probes: Array<[string, string]> = [
    ['startupProbe', '/health/live'],
    ['livenessProbe', '/health/live'],
    ['readinessProbe', '/health/ready'],
  ];
  for (const [probe, path] of probes) {
    const get = container[probe]?.httpGet;
    if (!get) problems.push(`${where}: no ${probe}`);
    else if (get.path !== path) problems.push(`${where}: ${probe} checks ${get.path}, not ${path}`);
    else if (get.port !== app.port && (get.port !== port?.name || !port))
      problems.push(`${where}: ${probe} port ${get.port} is not the app's port`);
  }
  if (pod.terminationGracePeriodSeconds !== 30) problems.push(`${where}: terminationGracePeriodSeconds is not 30`);
  const annotations = deployment.spec.template.metadata?.annotations ?? {};
  if (annotations['prometheus.io/scrape'] !== 'true' || annotations['prometheus.io/port'] !== String(app.port)) {
    problems.push(`${where}: prometheus scrape annotations missing or on the wrong port`);
  }
  const config = [...Object.keys(COMMON_CONFIG), ...app.config];
  problems.push(
    ...checkEnv(where, objects, container, config, [...COMMON_SECRETS, ...app.secrets], app.optionalSecrets),
  );
  return problems;
}

export function checkService(objects: K8sObject[], app: DeployedApp): string[] {
  const deployment = find(objects, 'Deployment', app.name);
  const labels = deployment?.spec.template.metadata?.labels;
  const service = objects.find((o) => o.kind === 'Service' && matches(o.spec.selector, labels));
  if (!service) return [`no Service selects the pods of ${app.name}`];
  const container = deployment!.spec.template.spec.containers[0];
  const targets = (container.ports ?? []).flatMap((p: any) => [p.name, p.containerPort]);
  return service.spec.ports.every((p: any) => targets.includes(p.targetPort ?? p.port))
    ? []
    : [`Service ${service.metadata.name}: a targetPort is not a port of ${app.name}`];
}

export function checkDisruptionBudget(objects: K8sObject[], appName: string): string[] {
  const labels = find(objects, 'Deployment', appName)?.spec.template.metadata?.labels;
  const budget = objects.find((o) => o.kind === 'PodDisruptionBudget' && matches(o.spec.selector?.matchLabels, labels));
  return budget ? [] : [`no PodDisruptionBudget selects the pods of ${appName}`];
}

export function checkMigrationJob(objects: K8sObject[]): string[] {
  const job = find(objects, 'Job', MIGRATION_JOB);
  if (!job) return [`Job ${MIGRATION_JOB} is missing`];
  const where = `Job ${MIGRATION_JOB}`;
  const pod = job.spec.template.spec;
  const problems = checkPodSecurity(where, pod);
  if (typeof job.spec.backoffLimit !== 'number') problems.push(`${where}: no backoffLimit`);
  if (typeof job.spec.ttlSecondsAfterFinished !== 'number') problems.push(`${where}: no ttlSecondsAfterFinished`);
  if (!['Never', 'OnFailure'].includes(pod.restartPolicy))
    problems.push(`${where}: restartPolicy ${pod.restartPolicy}`);
  if (!/(^|\/)draftdesk\/migrate:/.test(String(pod.containers[0].image)))
    problems.push(`${where}: image ${pod.containers[0].image}`);
  problems.push(...checkEnv(where, objects, pod.containers[0], Object.keys(COMMON_CONFIG), COMMON_SECRETS, []));
  return problems;
}

export function checkConfigAndNamespace(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  if (!find(objects, 'Namespace', NAMESPACE)) problems.push(`Namespace ${NAMESPACE} is missing`);
  for (const o of objects) {
    if (o.kind !== 'Namespace' && o.metadata.namespace !== NAMESPACE)
      problems.push(`${o.kind} ${o.metadata.name} is not in ${NAMESPACE}`);
  }
  const config = find(objects, 'ConfigMap', CONFIG_MAP);
  if (!config) problems.push(`ConfigMap ${CONFIG_MAP} is missing`);
  for (const [key, value] of Object.entries(COMMON_CONFIG)) {
    if (config && config.data?.[key] === undefined) problems.push(`ConfigMap ${CONFIG_MAP}: no ${key}`);
    else if (config && value !== undefined && config.data[key] !== value)
      problems.push(`ConfigMap ${CONFIG_MAP}: ${key} is not ${value}`);
  }
  for (const configMap of objects.filter((o) => o.kind === 'ConfigMap')) {
    for (const key of ALL_SECRET_KEYS) {
      if (configMap.data?.[key] !== undefined)
        problems.push(`ConfigMap ${configMap.metadata.name} holds the secret ${key}`);
    }
  }
  if (!find(objects, 'Secret', SECRET)) problems.push(`Secret ${SECRET} is missing`);
  return problems;
}

/** The README applies these first (`-l draftdesk.io/pre-deploy=true`) so migrations precede the apps. */
export function checkPreDeployPhase(objects: K8sObject[]): string[] {
  const before = ['Namespace', 'ConfigMap', 'Secret', 'Job'];
  return objects
    .filter((o) => before.includes(o.kind) !== (o.metadata.labels?.['draftdesk.io/pre-deploy'] === 'true'))
    .map((o) => `${o.kind} ${o.metadata.name}: pre-deploy label should be ${before.includes(o.kind)}`);
}
