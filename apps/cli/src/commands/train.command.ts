import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pgRows } from '@draftdesk/database';
import { Client } from 'pg';
import { databaseConfigShape, EX_CONFIG, loadCommandConfig } from '@draftdesk/config';
import {
  customIntentExamples,
  IntentExample,
  IntentModel,
  MODEL_EPOCHS,
  projectTrainingSetPath,
  readCsvExamples,
  readJsonlExamples,
  LabelledHistoryReadModel,
  readShopIntents,
  saveShopModel,
  trainShopModel,
} from '@draftdesk/triage';

const USAGE = [
  'usage: draftdesk train --from <file.csv> [--out model.json] [--text-column text] [--label-column intent] [--seed 42]',
  '       draftdesk train --from-db [--shop <id>] [--out model.json] [--shop-weight 3]   (DATABASE_URL)',
  "  --from-db retrains on the shop's corrections and approved intents merged with the project's training set,",
  "  plus the examples of the shop's own intents (draftdesk intents add), and stores the model for that shop",
  '  (table shop_models) unless --out writes it to a file instead.',
].join('\n');

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

const log = (message: string): boolean => process.stderr.write(`[train] ${message}\n`);

function writeModel(out: string, model: IntentModel): void {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(model.toJSON())}\n`);
  log(`wrote ${out}`);
}

async function trainFromFile(argv: string[], from: string): Promise<number> {
  const out = resolve(option(argv, '--out') ?? 'intent-model.json');
  let examples: IntentExample[];
  try {
    examples = readCsvExamples(
      from,
      option(argv, '--text-column') ?? 'text',
      option(argv, '--label-column') ?? 'intent',
    );
  } catch (error) {
    process.stderr.write(`draftdesk train: ${(error as Error).message}\n`);
    return 2;
  }
  if (new Set(examples.map((e) => e.intent)).size < 2) {
    process.stderr.write(`draftdesk train: ${from} needs at least two different intents\n`);
    return 2;
  }
  log(`read ${examples.length} examples from ${from}`);
  writeModel(
    out,
    IntentModel.train(examples, { seed: Number(option(argv, '--seed') ?? 42), epochs: MODEL_EPOCHS, onProgress: log }),
  );
  return 0;
}

async function trainFromDatabase(argv: string[]): Promise<number> {
  const config = loadCommandConfig('draftdesk train --from-db', databaseConfigShape);
  if (!config) return EX_CONFIG;
  const shopId = option(argv, '--shop') ?? 'default';
  const client = new Client({ connectionString: config.DATABASE_URL });
  await client.connect();
  try {
    const { query } = pgRows(client);
    const history = await new LabelledHistoryReadModel(query).read(shopId);
    const corrections = history.filter((h) => h.source === 'correction').length;
    log(
      `shop ${shopId}: ${history.length} labelled messages (${corrections} corrections, ${history.length - corrections} approved)`,
    );
    const intents = await readShopIntents(query, shopId);
    const custom = customIntentExamples(intents);
    if (intents.length)
      log(
        `shop ${shopId}: ${intents.length} intents of its own (${intents.map((i) => i.intent).join(', ')}) with ${custom.length} examples`,
      );
    if (history.length === 0 && custom.length === 0) {
      process.stderr.write(
        `draftdesk train --from-db: shop ${shopId} has no corrections or approved drafts, and no intents of its own yet; nothing to learn\n`,
      );
      return 1;
    }
    const base = readJsonlExamples(projectTrainingSetPath());
    log(`merging with ${base.length} examples of the project's training set`);
    // Custom examples weigh like reviewers' labels: a shop's twenty examples must hold their own against 14,000 generic ones.
    const result = trainShopModel(base, [...history, ...custom], {
      seed: Number(option(argv, '--seed') ?? 42),
      shopWeight: Number(option(argv, '--shop-weight') ?? 3),
      onProgress: log,
    });
    const out = option(argv, '--out');
    if (out) writeModel(resolve(out), result.model);
    else {
      await saveShopModel(query, shopId, result);
      log(
        `stored the model of shop ${shopId} (${result.model.classes.length} intents); triage picks it up within a minute`,
      );
    }
    process.stdout.write(
      `${JSON.stringify({
        shop: shopId,
        labelled: history.length,
        corrections,
        customIntents: intents.map((i) => i.intent),
        customExamples: custom.length,
        examples: result.examples,
        intents: result.model.classes.length,
        stored: out ? resolve(out) : 'shop_models',
      })}\n`,
    );
    return 0;
  } finally {
    await client.end();
  }
}

/** `draftdesk train --from <file.csv>` or `--from-db`: trains an intent model and writes or stores it. */
export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv.includes('--from-db')) return trainFromDatabase(argv);
  const from = option(argv, '--from');
  if (!from) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  return trainFromFile(argv, from);
}
