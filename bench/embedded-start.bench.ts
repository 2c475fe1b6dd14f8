/**
 * How long `draftdesk start` takes and how much memory it needs before any load. Starts the embedded suite from
 * dist/ (one process: PGlite in a worker thread, the in-process transport, the HTTP API) and measures the time from
 * spawn to the first 200 of /health/ready and the peak resident set size of the process tree (VmHWM, summed over the
 * process and its descendants), on a fresh data directory and on one an earlier start left behind. Prints the figures
 * and writes bench/results/embedded-start.json.
 *
 *   npm run build && npm run bench:embedded-start [-- --runs 3]
 */
import { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../test/support/services';
import { installInterruptCleanup, peakRssMb, stopChild, track } from './support/processes';
import { startEmbeddedProcess } from './support/embedded-process';

const args = process.argv.slice(2);
const RUNS = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : '3');
const root = join(__dirname, '..');
const log = (line: string) => process.stderr.write(`${line}\n`);

interface StartRun {
  readyMs: number;
  peakRssMb: number;
  /** Whether the start log says the data directory came from the build's template. */
  fromTemplate: boolean;
}

/** The process and every descendant of it that is alive now. */
function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]) ?? []));
  return tree;
}

async function startOnce(dataDir: string): Promise<StartRun> {
  const ports = { http: await freePort(), smtp: await freePort(), pg: await freePort() };
  // Peaks of processes that exit before the end (none today) are kept by sampling the tree while it starts.
  const peaks = new Map<number, number>();
  let child: ChildProcess | undefined;
  const sample = () => {
    for (const pid of processTree(child!.pid!)) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, peakRssMb(pid) ?? 0));
  };
  const begun = performance.now();
  try {
    const app = await startEmbeddedProcess(dataDir, ports, {
      env: { LOG_FORMAT: 'json', LOG_LEVEL: 'info' },
      timeoutMs: 180_000,
      intervalMs: 50,
      onSpawn: (spawned) => (child = track(spawned)),
      onPoll: sample,
    });
    const readyMs = Math.round(performance.now() - begun);
    // Whatever start-up work is still settling after the first 200 counts too.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    sample();
    const peak = Math.round([...peaks.values()].reduce((sum, mb) => sum + mb, 0) * 10) / 10;
    return { readyMs, peakRssMb: peak, fromTemplate: app.output().includes('started from the template') };
  } finally {
    if (child) await stopChild(child);
  }
}

function summary(runs: StartRun[]) {
  const of = (pick: (r: StartRun) => number) => {
    const values = runs.map(pick);
    return { min: Math.min(...values), max: Math.max(...values), runs: values };
  };
  return {
    readyMs: of((r) => r.readyMs),
    peakRssMb: of((r) => r.peakRssMb),
    fromTemplate: runs.map((r) => r.fromTemplate),
  };
}

async function main() {
  const home = mkdtempSync(join(tmpdir(), 'draftdesk-start-bench-'));
  installInterruptCleanup(() => rmSync(home, { recursive: true, force: true }));
  const fresh: StartRun[] = [];
  const existing: StartRun[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const dataDir = join(home, `data-${i}`);
      const run = await startOnce(dataDir);
      log(`fresh data directory #${i + 1}: ready in ${run.readyMs} ms, peak RSS ${run.peakRssMb} MB`);
      fresh.push(run);
    }
    for (let i = 0; i < RUNS; i++) {
      const run = await startOnce(join(home, 'data-0'));
      log(`existing data directory #${i + 1}: ready in ${run.readyMs} ms, peak RSS ${run.peakRssMb} MB`);
      existing.push(run);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  const report = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, memoryMb: Math.round(totalmem() / 2 ** 20), node: process.version },
    runs: RUNS,
    fresh: summary(fresh),
    existing: summary(existing),
  };
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'embedded-start.json'), `${JSON.stringify(report, null, 2)}\n`);
  const line = (label: string, s: ReturnType<typeof summary>) =>
    `${label.padEnd(24)} ready ${s.readyMs.min}–${s.readyMs.max} ms   peak RSS ${s.peakRssMb.min}–${s.peakRssMb.max} MB   from the template: ${s.fromTemplate.join(', ')}`;
  process.stdout.write(
    `${line('fresh data directory', report.fresh)}\n${line('existing data directory', report.existing)}\n`,
  );
  process.stdout.write('written to bench/results/embedded-start.json\n');
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
