import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { checkShopFolder, formatFinding, type ShopCheckReport } from '@draftdesk/shop';
import { InitAnswers, InitInputError, parseInitArgs, resolveAnswers } from '../init/init-answers.util';
import { shopFiles, writeShopFiles } from '../init/shop-files.util';
import { terminalAsker } from '../init/terminal-asker.util';

const USAGE = `usage: draftdesk init [dir] [--name "…"] [--languages nl,en] [--tone formal|friendly] [--support-address …]
         [--website https://…] [--orders file|rest|shopify] [--orders-url …{orderNumber}… | --shopify-store …]
         [--orders-token …] [--mailbox smtp|imap] [--imap-host … --imap-port 993 --imap-user … --imap-password …]
         [--yes | --non-interactive] [--force]

Writes a shop folder (default ./my-shop): shop.yaml, policy.yaml (nothing is sent without a person), orders.json
with two example orders dated from today (--orders file), starter articles per language in kb/, and a .env that
points draftdesk at the folder. In a terminal it asks for whatever the flags leave out; with --yes, or when stdin is
not a terminal, it takes the defaults and stops at a missing required flag (--name, --support-address, …).
An existing folder that is not empty is refused; --force writes over the files init makes and leaves the rest.`;

function fail(message: string): number {
  process.stderr.write(`draftdesk init: ${message}\n`);
  return 2;
}

/** The folder as the person typed it, for commands they can copy. */
function shown(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return !rel ? '.' : rel.startsWith('..') || isAbsolute(rel) ? dir : rel;
}

function nextSteps(a: InitAnswers, dir: string, report: ShopCheckReport): string {
  const at = shown(dir);
  const articles = Object.entries(report.articles)
    .map(([language, n]) => `${language} ${n}`)
    .join(', ');
  const lines = [
    `Wrote ${at}/ for "${a.name}" (tone ${a.tone}, languages ${a.languages.join(', ')}):`,
    '  shop.yaml     profile and signatures',
    '  policy.yaml   nothing is sent without a person until you turn auto-send on for an intent',
    a.orders.kind === 'file'
      ? '  orders.json   2 example orders: 10001 (shipped, jamie@example.com), 10002 (delivered, alex@example.com)'
      : `  orders        from ${a.orders.kind === 'rest' ? a.orders.url : a.orders.storeUrl} (settings in .env)`,
    `  kb/           starter articles (${articles}): edit them and add your own`,
    '  .env          the settings that point draftdesk at this folder (it holds secrets: keep it private)',
    '',
    'Next:',
    `  npx draftdesk start --env ${join(at, '.env')}`,
  ];
  if (a.mailbox.kind === 'imap' || a.orders.kind !== 'file')
    lines.push(`  (first, npx draftdesk doctor --env ${join(at, '.env')} checks the mailbox and order source)`);
  lines.push(
    a.mailbox.kind === 'smtp'
      ? `then forward ${a.supportAddress} to smtp://127.0.0.1:2525, or send a test mail there${a.orders.kind === 'file' ? ' from jamie@example.com asking where order 10001 is' : ''}.`
      : `then mail ${a.mailbox.user}; draftdesk watches it on ${a.mailbox.host}:${a.mailbox.port}.`,
    `After editing the folder: npx draftdesk shop check ${at}`,
  );
  return `${lines.join('\n')}\n`;
}

/** `draftdesk init [dir]`: a valid shop folder and its .env, from flags and (in a terminal) questions. */
export async function run(argv: string[]): Promise<number> {
  let request: ReturnType<typeof parseInitArgs>;
  try {
    request = parseInitArgs(argv);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (request.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dir = resolve(request.dir);
  if (existsSync(dir) && !statSync(dir).isDirectory()) return fail(`${request.dir} is a file, not a folder`);
  if (existsSync(dir) && readdirSync(dir).length && !request.force) {
    return fail(
      `${request.dir} exists and is not empty: choose another folder, or add --force to write over the files init makes`,
    );
  }

  const asker = !request.noQuestions && process.stdin.isTTY ? terminalAsker() : null;
  let answers: InitAnswers;
  try {
    answers = await resolveAnswers(request.given, asker);
  } catch (error) {
    if (error instanceof InitInputError) return fail(error.message);
    throw error;
  } finally {
    asker?.close();
  }

  let files;
  try {
    files = shopFiles(answers, dir);
  } catch (error) {
    return fail((error as Error).message);
  }
  writeShopFiles(dir, files);

  // What init writes must pass the check the drafter's loader would make; anything else is a fault of init.
  const report = checkShopFolder(dir);
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    for (const finding of errors) process.stderr.write(`${formatFinding(finding)}\n`);
    return fail(`the folder written to ${shown(dir)} does not pass draftdesk shop check`);
  }
  process.stdout.write(nextSteps(answers, dir, report));
  return 0;
}
