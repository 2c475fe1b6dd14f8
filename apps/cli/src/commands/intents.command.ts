import { readFile } from 'node:fs/promises';
import { pgRows } from '@draftdesk/database';
import { Client } from 'pg';
import { databaseConfigShape, EX_CONFIG, loadCommandConfig } from '@draftdesk/config';
import {
  deleteShopIntent,
  parseExamplesFile,
  readShopIntents,
  saveShopIntent,
  ShopIntentError,
} from '@draftdesk/triage';

const USAGE = [
  'usage: draftdesk intents add --shop <id> --intent <name> --examples <file.txt|file.csv> [--description "…"] [--replace]',
  '       draftdesk intents list --shop <id>',
  '       draftdesk intents remove --shop <id> --intent <name>                                   (DATABASE_URL)',
  '  A shop\'s own intents, beside the 28 standard ones. .txt: one example per line (# comments); .csv: the "text"',
  '  column, else the first. add merges with the stored examples unless --replace. The language-model engine offers',
  '  them at once; the embedded model learns them on `draftdesk train --from-db --shop <id>`.',
].join('\n');

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function fail(message: string, code = 2): number {
  process.stderr.write(`draftdesk intents: ${message}\n`);
  return code;
}

async function withDatabase(
  work: (query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<number>,
): Promise<number> {
  const config = loadCommandConfig('draftdesk intents', databaseConfigShape);
  if (!config) return EX_CONFIG;
  const client = new Client({ connectionString: config.DATABASE_URL });
  await client.connect();
  try {
    return await work(pgRows(client).query);
  } finally {
    await client.end();
  }
}

async function add(argv: string[], shopId: string): Promise<number> {
  const intent = option(argv, '--intent');
  const file = option(argv, '--examples');
  if (!intent || !file) return fail(`--intent and --examples are required\n${USAGE}`);
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const examples = parseExamplesFile(content, file);
  return withDatabase(async (query) => {
    try {
      const mode = argv.includes('--replace') ? 'replace' : 'merge';
      const saved = await saveShopIntent(
        query,
        shopId,
        { intent, description: option(argv, '--description') ?? '', examples },
        mode,
      );
      process.stderr.write(
        `[intents] shop ${shopId}: ${intent} has ${saved.examples.length} examples; run \`draftdesk train --from-db --shop ${shopId}\` to teach the embedded model\n`,
      );
      process.stdout.write(
        `${JSON.stringify({ shop: shopId, intent: saved.intent, description: saved.description, examples: saved.examples.length, read: examples.length })}\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof ShopIntentError) return fail(error.message);
      if ((error as { code?: string }).code === '23514') return fail(`${intent} would hold more examples than allowed`);
      throw error;
    }
  });
}

/** `draftdesk intents add|list|remove`: the intents a shop defines itself, with example texts. */
export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return sub ? 0 : 2;
  }
  const shopId = option(rest, '--shop');
  if (!shopId || !/^[\w.-]{1,100}$/.test(shopId))
    return fail(`--shop <id> is required (letters, digits, ".", "_", "-")\n${USAGE}`);
  switch (sub) {
    case 'add':
      return add(rest, shopId);
    case 'list':
      return withDatabase(async (query) => {
        const intents = await readShopIntents(query, shopId);
        process.stdout.write(
          `${JSON.stringify({ shop: shopId, intents: intents.map((i) => ({ ...i, examples: i.examples.length })) })}\n`,
        );
        return 0;
      });
    case 'remove': {
      const intent = option(rest, '--intent');
      if (!intent) return fail(`--intent is required\n${USAGE}`);
      return withDatabase(async (query) =>
        (await deleteShopIntent(query, shopId, intent)) ? 0 : fail(`shop ${shopId} has no intent ${intent}`, 1),
      );
    }
    default:
      return fail(`unknown subcommand "${sub}"\n${USAGE}`);
  }
}
