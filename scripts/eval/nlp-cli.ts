// Runs one of the NLP CLI commands without the packaged bin, e.g.
//   node scripts/run-ts.js scripts/eval/nlp-cli.ts triage --text "Waar blijft mijn pakket?"
//   node scripts/run-ts.js scripts/eval/nlp-cli.ts eval intents --cv 5
import { run as evaluate } from '../../apps/cli/src/commands/eval.command';
import { run as train } from '../../apps/cli/src/commands/train.command';
import { run as triage } from '../../apps/cli/src/commands/triage.command';

const commands: Record<string, (argv: string[]) => Promise<number>> = { triage, eval: evaluate, train };
const [name, ...argv] = process.argv.slice(2);
const command = commands[name ?? ''];
if (!command) {
  process.stderr.write('usage: node scripts/run-ts.js scripts/eval/nlp-cli.ts triage|eval|train …\n');
  process.exit(2);
}
command(argv).then((code) => process.exit(code));
