import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { MIGRATIONS } from '@draftdesk/database';

/**
 * A fresh PGlite data directory would need PostgreSQL's initdb, which PGlite runs in a second WebAssembly instance
 * beside the real one: it more than doubles the memory a first start needs. The build (scripts/build.js) makes a data
 * directory once, with every migration of that build applied, and a first start copies it instead. Migrations newer
 * than the template still run at start, as on any existing data directory.
 */

/** Where the build keeps the template: beside the compiled embedded app in dist/. */
export const PGLITE_TEMPLATE_DIR = join(__dirname, 'pglite-template');
/** What the template holds, written by the build beside it (a {@link PgliteTemplateContents}). */
export const PGLITE_TEMPLATE_MANIFEST = `${PGLITE_TEMPLATE_DIR}.json`;

/** `template`: copied from the build's template; `existing`: a database was there; `initdb`: PGlite makes one. */
export type PgliteOrigin = 'template' | 'existing' | 'initdb';

export interface PgliteTemplateContents {
  /** The migrations applied to the template, in order. */
  migrations: string[];
  /** Of the migrations' code: a migration edited after the template was made makes a new one. */
  fingerprint: string;
}

export interface PgliteTemplate extends PgliteTemplateContents {
  dir: string;
}

/** What a template made from this build's migrations holds. */
export function currentTemplateContents(): PgliteTemplateContents {
  const fingerprint = createHash('sha256');
  for (const migration of MIGRATIONS) fingerprint.update(migration.toString());
  return { migrations: MIGRATIONS.map((M) => new M().name), fingerprint: fingerprint.digest('hex') };
}

/** The build's template, or null when there is none (running from TypeScript sources, or the build could not make it). */
export function pgliteTemplate(dir = PGLITE_TEMPLATE_DIR, manifest = `${dir}.json`): PgliteTemplate | null {
  if (!isDatabase(dir) || !existsSync(manifest)) return null;
  try {
    const { migrations, fingerprint } = JSON.parse(readFileSync(manifest, 'utf8')) as Partial<PgliteTemplateContents>;
    if (!Array.isArray(migrations) || typeof fingerprint !== 'string') return null;
    return { dir, migrations: migrations.map(String), fingerprint };
  } catch {
    return null;
  }
}

/**
 * Gives dataDir a database before PGlite opens it: an existing one is left alone, a missing or empty directory gets a
 * copy of the template (copied beside it first and renamed, so an interrupted copy never looks like a database).
 */
export function seedPgliteDataDir(dataDir: string, template: PgliteTemplate | null = pgliteTemplate()): PgliteOrigin {
  if (isDatabase(dataDir)) return 'existing';
  if (!template) return 'initdb';
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return 'initdb';
  mkdirSync(dirname(dataDir), { recursive: true });
  const staging = join(dirname(dataDir), `.${Date.now()}-${process.pid}.pglite-seed`);
  try {
    cpSync(template.dir, staging, { recursive: true });
    if (existsSync(dataDir)) rmdirSync(dataDir);
    renameSync(staging, dataDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return 'template';
}

function isDatabase(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}
