import { runMigrations } from '@draftdesk/database';
import { freeLoopbackPort } from '@draftdesk/platform';
import { chmodSync, existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { servePglite } from './pglite.serve';
import {
  currentTemplateContents,
  PGLITE_TEMPLATE_DIR,
  PGLITE_TEMPLATE_MANIFEST,
  pgliteTemplate,
} from './pglite.template';

/**
 * Makes the PGlite template a fresh data directory starts from (see pglite.template.ts): initdb and every migration,
 * once, at build time. Run by scripts/build.js in a process of its own from dist/; a template that already holds
 * exactly this build's migrations is kept.
 */
async function main(): Promise<void> {
  const contents = currentTemplateContents();
  const { length } = contents.migrations;
  if (pgliteTemplate()?.fingerprint === contents.fingerprint) {
    process.stdout.write(`the embedded database template is up to date (${length} migrations)\n`);
    return;
  }
  const staging = `${PGLITE_TEMPLATE_DIR}.${process.pid}.building`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const port = await freeLoopbackPort();
    const served = await servePglite(staging, port);
    try {
      await runMigrations({ url: `postgres://postgres@127.0.0.1:${port}/postgres`, poolSize: 2 });
    } finally {
      await served.stop();
    }
    readableByAll(staging);
    rmSync(PGLITE_TEMPLATE_MANIFEST, { force: true });
    rmSync(PGLITE_TEMPLATE_DIR, { recursive: true, force: true });
    renameSync(staging, PGLITE_TEMPLATE_DIR);
    writeFileSync(PGLITE_TEMPLATE_MANIFEST, `${JSON.stringify(contents, null, 2)}\n`);
  } finally {
    if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
  }
  process.stdout.write(`made the embedded database template (${length} migrations)\n`);
}

/**
 * PostgreSQL leaves some files readable by their owner only; the template must be readable by whoever starts the app
 * (in the image, dist/ belongs to root and the app runs as another user). A copy is its starter's own again.
 */
function readableByAll(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) readableByAll(path);
    else chmodSync(path, 0o644);
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`could not make the embedded database template: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
