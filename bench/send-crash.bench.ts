/**
 * The send crash benchmark (`npm run bench:send-crash`): N replies through mail-send replicas (processes from
 * dist/), the SMTP relay and Dovecot, while one replica after the other is SIGKILLed mid-send. Prints and writes
 * to bench/results/send-crash.json: replies lost (must be 0), duplicates (Message-IDs delivered more than once),
 * attempts cut short and how many of them the server had already accepted, and how long a reply caught mid-send
 * waited from the kill to its next attempt.
 *
 *   node scripts/run-ts.js bench/send-crash.bench.ts [--n 500] [--kills 8] [--replicas 2] [--lease-s 15]
 *       [--timeout-s 300] [--out bench/results/send-crash.json]
 *
 * Needs the engines of scripts/engines/up.sh (settings from .engines/env or the environment) and a build (dist/).
 * Progress goes to stderr.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../test/support/engines';
import { runSendCrash } from './support/send-crash-run';

function arg(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(argv[i + 1]);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got ${argv[i + 1]}`);
  return n;
}

async function main() {
  const argv = process.argv.slice(2);
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? argv[outIndex + 1] : join(repoRoot, 'bench', 'results', 'send-crash.json');
  const lease = arg(argv, 'lease-s', 0);
  const result = await runSendCrash({
    replies: arg(argv, 'n', 500),
    kills: arg(argv, 'kills', 8),
    replicas: Math.max(1, arg(argv, 'replicas', 2)),
    ...(lease ? { leaseSeconds: lease } : {}),
    timeoutMs: arg(argv, 'timeout-s', 300) * 1000,
    progress: (line) => process.stderr.write(`send-crash: ${line}\n`),
  });
  const w = result.retryWaitMs;
  process.stdout.write(
    [
      `replies ${result.replies}, replicas ${result.replicas}, kills ${result.kills}, lease ${result.leaseSeconds ?? 'default'} s`,
      `sent ${result.sent}, failed ${result.failed}, delivered ${result.delivered}, lost ${result.lost}`,
      `duplicates ${result.duplicates} (${((result.duplicates / result.replies) * 100).toFixed(2)} %, ${(result.duplicates / Math.max(1, result.kills)).toFixed(2)} per kill)`,
      `attempts cut short ${result.interruptedAttempts}, of which already accepted by the server (not sent again) ${result.interruptedAfterAccept}`,
      `kill → next attempt of a mid-send reply: min ${w.min} ms, median ${w.median} ms, max ${w.max} ms (n=${w.count})`,
      `total ${(result.totalMs / 1000).toFixed(1)} s`,
      '',
    ].join('\n'),
  );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2)}\n`);
  process.stderr.write(`send-crash: written to ${out}\n`);
}

main().catch((error) => {
  process.stderr.write(`send-crash: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
