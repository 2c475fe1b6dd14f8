import 'reflect-metadata';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const USAGE = `usage: draftdesk <command> [options] [--env <file>]

commands:
  init [dir]                  write a shop folder and its .env (asks, or takes --name, --languages, --tone, … ;
                              see draftdesk init --help)
  shop check <dir>            validate a shop folder: file, line and field of every problem
  start                       start the whole suite in one process (embedded mode)
  migrate                     apply database migrations (DATABASE_URL)
  doctor                      check the configuration and every connection it names (database, Kafka, IMAP, SMTP,
                              order source, model server), with what to do about each failure
  parse <file.eml>            print a mail as draftdesk understands it (JSON)
  triage <file.eml> | --text "…" | --jsonl
                              language, intent, sentiment, urgency, entities and flags (JSON)
  process <file.eml> | --text "…" [--policy file]
                              the whole offline pipeline on one message: triage, draft, decision (JSON)
  eval intents --dataset <csv> [--cv 5]
                              accuracy, macro-F1, confusions and calibration of the intent model
  eval drafts [--scenarios eval/scenarios] [--json [out.json]]
                              pass rates of drafted replies per check and scenario family
  train --from <file.csv>     train an intent model on a labelled file (columns text,intent)
  intents add --shop <id> --intent <name> --examples <file>
                              a shop's own intent with example texts (list, remove too)

--env <file> reads settings from a .env file (as draftdesk init writes); variables already set win.
`;

/** Services are started by requiring their entry point; tools export run(argv) from commands/<name>.command. */
const SERVICES: Record<string, string> = { start: '../../embedded/src/main', migrate: '../../migrate/src/main' };

/** Takes `--env <file>` (or `--env=<file>`) out of argv and loads the file into process.env. */
function loadEnvFileOption(argv: string[]): string[] {
  const i = argv.findIndex((arg) => arg === '--env' || arg.startsWith('--env='));
  if (i < 0) return argv;
  const inline = argv[i].startsWith('--env=');
  const file = inline ? argv[i].slice('--env='.length) : argv[i + 1];
  if (!file) throw new Error('--env needs a file');
  // process.loadEnvFile ends the process on a missing file instead of throwing, so the check comes first. (Not
  // named --env-file: Node 20 reads that flag even after the script's name and exits when the file is missing.)
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`--env: ${file} is not a file`);
  process.loadEnvFile(file);
  return [...argv.slice(0, i), ...argv.slice(i + (inline ? 1 : 2))];
}

async function main(args: string[]): Promise<number> {
  let argv: string[];
  try {
    argv = loadEnvFileOption(args);
  } catch (error) {
    process.stderr.write(`draftdesk: ${(error as Error).message}\n`);
    return 2;
  }
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (SERVICES[command]) {
    require(SERVICES[command]);
    return -1; // the service keeps the process alive
  }
  if (
    !/^[a-z-]+$/.test(command) ||
    !['.ts', '.js'].some((ext) => existsSync(join(__dirname, 'commands', `${command}.command${ext}`)))
  ) {
    process.stderr.write(`draftdesk: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  const module = require(`./commands/${command}.command`) as { run: (argv: string[]) => Promise<number> };
  return module.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`draftdesk: ${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  },
);
