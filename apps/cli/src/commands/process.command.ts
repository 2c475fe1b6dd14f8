import { readFile } from 'node:fs/promises';
import {
  loadSampleShop,
  ShopLoadError,
  type LoadedShop,
  parsePolicy,
  PolicyError,
  type ShopPolicy,
} from '@draftdesk/shop';
import { processMessage, type ProcessInput } from '@draftdesk/drafting';
import { MailParseError, parseMail } from '@draftdesk/mail';

const USAGE =
  'usage: draftdesk process <file.eml> | --text "…" [--subject "…"] [--from address] [--policy policy.yaml] [--shop dir]';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

class UsageError extends Error {}

async function readInput(argv: string[]): Promise<ProcessInput> {
  const text = option(argv, '--text');
  if (text !== undefined) {
    return { text, subject: option(argv, '--subject'), from: { address: option(argv, '--from') ?? null } };
  }
  const valued = new Set(['--subject', '--from', '--policy', '--shop']);
  const file = argv.find((arg, i) => !arg.startsWith('-') && !valued.has(argv[i - 1]));
  if (!file) throw new UsageError(USAGE);
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    const mail = await parseMail(raw);
    return {
      text: mail.newText,
      subject: mail.subject,
      html: mail.html,
      from: { address: mail.from?.address ?? null, name: mail.from?.name ?? null },
      automated: mail.automated.automated,
    };
  } catch (error) {
    if (error instanceof MailParseError) throw new UsageError(`${file} is not a readable email: ${error.message}`);
    throw error;
  }
}

async function readPolicy(file: string | undefined): Promise<ShopPolicy | undefined> {
  if (!file) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read policy ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parsePolicy(text);
}

/** `draftdesk process`: triage, order lookup, knowledge, offline draft and policy decision for one message. */
export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    let shop: LoadedShop;
    try {
      shop = loadSampleShop(option(argv, '--shop'));
    } catch (error) {
      if (error instanceof ShopLoadError || (error as NodeJS.ErrnoException).code)
        throw new UsageError(`cannot load shop: ${(error as Error).message}`);
      throw error;
    }
    const policy = await readPolicy(option(argv, '--policy'));
    const input = await readInput(argv);
    const output = await processMessage(input, { shop, policy });
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof PolicyError) {
      process.stderr.write(`draftdesk process: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
