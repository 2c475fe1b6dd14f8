import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importKnowledge, KbRepository, loadSampleShop, readKnowledgeDir } from '@draftdesk/shop';
import { inPgTransaction } from '@draftdesk/database';
import { Client } from 'pg';
import { databaseConfigShape, EX_CONFIG, loadCommandConfig } from '@draftdesk/config';

const USAGE = `usage: draftdesk kb import <dir> [--shop <id>]
  Imports Markdown articles, macros and policies (front matter: id, title, kind, language, intents, url) into the
  knowledge base in PostgreSQL (DATABASE_URL), replacing entries with the same id. <dir> may be a shop folder
  (shop.yaml + kb/) or a folder of Markdown files.`;

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function fail(message: string): number {
  process.stderr.write(`draftdesk kb: ${message}\n`);
  return 2;
}

/** `draftdesk kb import <dir>`: idempotent upsert of a folder of Markdown into kb_entries. */
export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return sub ? 0 : 2;
  }
  if (sub !== 'import') return fail(`unknown subcommand "${sub}"\n${USAGE}`);
  const dirArg = rest.find((arg, i) => !arg.startsWith('-') && rest[i - 1] !== '--shop');
  if (!dirArg) return fail(USAGE);
  const dir = resolve(dirArg);
  if (!existsSync(dir)) return fail(`${dir} does not exist`);
  const config = loadCommandConfig('draftdesk kb', databaseConfigShape);
  if (!config) return EX_CONFIG;

  let shopId = option(rest, '--shop');
  let kbDir = dir;
  if (existsSync(join(dir, 'shop.yaml'))) {
    shopId ??= loadSampleShop(dir).shop.id;
    kbDir = join(dir, 'kb');
  }
  shopId ??= loadSampleShop().shop.id;

  let entries;
  try {
    entries = readKnowledgeDir(kbDir, shopId);
  } catch (error) {
    return fail((error as Error).message);
  }
  const client = new Client({ connectionString: config.DATABASE_URL });
  try {
    await client.connect();
    const report = await inPgTransaction(client, () => importKnowledge(new KbRepository(client), entries));
    process.stdout.write(`${JSON.stringify({ shop: shopId, dir: kbDir, ...report })}\n`);
    return 0;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '42P01') return fail('table kb_entries is missing: run `draftdesk migrate` first');
    return fail(`import failed: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
