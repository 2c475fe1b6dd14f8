/**
 * The chaos run (`npm run chaos`): n customer messages through the Kafka + PostgreSQL mode — every service its own
 * process from dist/ — while services are SIGKILLed at random and restarted, and the Kafka broker and PostgreSQL
 * (both private to the run) are restarted once each. Prints accepted / stored / triaged / drafted / sent / lost /
 * duplicated per stage and writes them to bench/results/chaos.json.
 *
 *   node scripts/run-ts.js bench/chaos/chaos.main.ts [--n 5000] [--kill-every-ms 4000] [--min-kills 7] [--seed S] [--rate 25]
 *       [--stall-s 180] [--no-engine-restarts] [--out bench/results/chaos.json] [--no-build]
 *
 * Needs Java 17 and the Kafka jars of scripts/engines (.engines/kafka/libs, or KAFKA_LIBS), PostgreSQL 15's binaries
 * (/usr/lib/postgresql/15/bin, or PG_BIN) and the shared Dovecot (mail-ingest's required mailbox). Progress goes to
 * stderr; exit code 1 when the target is not met. Ctrl-C stops the intake early and still prints and writes the figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../../test/support/engines';
import { parseChaosArgs } from './chaos-args';
import { allowedSentDuplicates, formatChaosReport } from './chaos-report';
import { runChaos } from './chaos-run';
import { meetsTarget } from './chaos-tally';
import { killAllSync } from '../support/processes';

async function main() {
  const args = parseChaosArgs(process.argv.slice(2), join(repoRoot, 'bench', 'results', 'chaos.json'));
  if (args.build) {
    process.stderr.write('building dist/ (npm run build)\n');
    const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.js')], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (build.status !== 0) throw new Error(`npm run build failed with ${build.status}`);
  }
  // First Ctrl-C: stop pushing, count what arrived, clean up. Second: stop everything at once.
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (controller.signal.aborted) {
        killAllSync();
        process.exit(130);
      }
      process.stderr.write(`\n${signal}: stopping the intake and counting what arrived (again to quit at once)\n`);
      controller.abort();
    });
  }
  const result = await runChaos({
    signal: controller.signal,
    n: args.n,
    killEveryMs: args.killEveryMs,
    minKills: args.killEveryMs > 0 ? args.minKills : 0,
    seed: args.seed,
    engineRestarts: args.engineRestarts,
    rate: args.rate,
    stallMs: args.stallS * 1000,
    progressEveryMs: 5_000,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  console.log(formatChaosReport(result));
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(result, null, 2) + '\n');
  console.log(`\nwritten to ${args.out}`);
  if (!meetsTarget(result.tally, allowedSentDuplicates(result.tally.pushed))) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
