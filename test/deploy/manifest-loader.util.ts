import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: any;
};

interface Generator {
  name: string;
  behavior?: 'create' | 'merge' | 'replace';
  envs?: string[];
  files?: string[];
  literals?: string[];
}

export interface Kustomization {
  namespace?: string;
  resources?: string[];
  configMapGenerator?: Generator[];
  secretGenerator?: Generator[];
  generatorOptions?: { labels?: Record<string, string> };
  labels?: Array<{ pairs: Record<string, string> }>;
  [field: string]: unknown;
}

export function readYamlDocuments(file: string): any[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJSON();
  });
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

export function readKustomization(dir: string): Kustomization {
  const [doc] = readYamlDocuments(join(dir, 'kustomization.yaml'));
  return doc as Kustomization;
}

/** Files a kustomization refers to, relative to its directory (resources and generator inputs). */
export function referencedFiles(kustomization: Kustomization): string[] {
  const generators = [...(kustomization.configMapGenerator ?? []), ...(kustomization.secretGenerator ?? [])];
  return [
    ...(kustomization.resources ?? []),
    ...generators.flatMap((g) => [...(g.envs ?? []), ...(g.files ?? []).map((f) => f.split('=').pop()!)]),
  ];
}

export function kubectlAvailable(): boolean {
  return spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
}

export function kubectlKustomize(dir: string): K8sObject[] {
  const run = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`kubectl kustomize ${dir} failed: ${run.stderr}`);
  return parseAllDocuments(run.stdout)
    .map((doc) => doc.toJSON() as K8sObject)
    .filter(Boolean)
    .map(unwrapSecretData);
}

// kustomize wraps long base64 values over lines; the API server's decoder skips the newlines, the
// schema's "byte" format does not.
function unwrapSecretData(object: K8sObject): K8sObject {
  if (object.kind !== 'Secret' || !object.data) return object;
  const data = Object.fromEntries(Object.entries(object.data).map(([k, v]) => [k, String(v).replace(/\s+/g, '')]));
  return { ...object, data };
}

/** Reads `KEY=value` lines the way kustomize does: blank lines and # comments are skipped. */
export function parseEnvFile(text: string): Record<string, string> {
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const);
  return Object.fromEntries(entries);
}

function generate(dir: string, kind: 'ConfigMap' | 'Secret', generator: Generator): K8sObject {
  const data: Record<string, string> = {};
  for (const env of generator.envs ?? []) Object.assign(data, parseEnvFile(readFileSync(join(dir, env), 'utf8')));
  for (const literal of generator.literals ?? []) Object.assign(data, parseEnvFile(literal));
  const encoded =
    kind === 'Secret'
      ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')]))
      : data;
  return {
    apiVersion: 'v1',
    kind,
    metadata: { name: generator.name },
    data: encoded,
    ...(kind === 'Secret' ? { type: 'Opaque' } : {}),
  };
}

/**
 * A small stand-in for `kubectl kustomize` where kubectl is missing: resources (files and directories),
 * namespace, metadata labels, and ConfigMap/Secret generators (create, merge, replace) without name
 * hashes. Images, replicas, template labels and patches are not applied; the checks do not depend on them.
 */
export function resolveKustomization(dir: string): K8sObject[] {
  const kustomization = readKustomization(dir);
  const objects: K8sObject[] = [];
  for (const resource of kustomization.resources ?? []) {
    const path = resolve(dir, resource);
    if (!existsSync(path)) throw new Error(`${relative(process.cwd(), dir)}: resource ${resource} does not exist`);
    objects.push(...(statSync(path).isDirectory() ? resolveKustomization(path) : readYamlDocuments(path)));
  }
  const generators = [
    ...(kustomization.configMapGenerator ?? []).map((g) => ['ConfigMap', g] as const),
    ...(kustomization.secretGenerator ?? []).map((g) => ['Secret', g] as const),
  ];
  for (const [kind, generator] of generators) {
    const generated = generate(dir, kind, generator);
    generated.metadata.labels = { ...kustomization.generatorOptions?.labels };
    const existing = objects.find((o) => o.kind === kind && o.metadata.name === generator.name);
    const behavior = generator.behavior ?? 'create';
    if ((behavior === 'create') !== !existing) {
      throw new Error(
        `${dir}: ${kind} ${generator.name} with behavior ${behavior} ${existing ? 'already exists' : 'has no base'}`,
      );
    }
    // merge and replace keep the base object's metadata (its namespace in particular).
    if (existing) existing.data = behavior === 'merge' ? { ...existing.data, ...generated.data } : generated.data;
    else objects.push(generated);
  }
  for (const { pairs } of kustomization.labels ?? []) {
    for (const o of objects) o.metadata.labels = { ...o.metadata.labels, ...pairs };
  }
  if (kustomization.namespace) {
    for (const o of objects) if (o.kind !== 'Namespace') o.metadata.namespace = kustomization.namespace;
  }
  return objects;
}

/** kubectl's rendering where it exists, the built-in resolution otherwise. */
export function renderKustomization(dir: string): K8sObject[] {
  return kubectlAvailable() ? kubectlKustomize(dir) : resolveKustomization(dir);
}

/** Generated ConfigMaps and Secrets get a content-hash suffix from kustomize; compare names without it. */
export function withoutHash(name: string): string {
  return name.replace(/-[a-z0-9]{10}$/, '');
}

export const repoRoot = resolve(dirname(__filename), '..', '..');
