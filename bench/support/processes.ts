import { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

const children = new Set<ChildProcess>();

/** Every child the benchmark starts is tracked, so nothing outlives the run — not even on Ctrl-C. */
export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL if the process has not exited after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export function killAllSync(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export function installInterruptCleanup(extra: () => void = () => undefined): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping child processes\n`);
      killAllSync();
      extra();
      process.exit(130);
    });
  }
}

/** Peak resident set size (VmHWM) of a live process in MB, or null when it is gone. */
export function peakRssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) a live process has used so far, in seconds: shows which stage the cores went to. */
export function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th of them, in clock ticks.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Math.round(((Number(fields[11]) + Number(fields[12])) / 100) * 10) / 10;
  } catch {
    return null;
  }
}

export interface PeakRss {
  totalMb: number;
  perProcessMb: Record<string, number | null>;
  /** CPU seconds each process used from its start to the end of the measured run. */
  cpuSeconds: Record<string, number | null>;
}

export function peakRss(processes: Record<string, number | undefined>): PeakRss {
  const perProcessMb = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, peakRssMb(pid)]));
  const totalMb = Object.values(perProcessMb).reduce<number>((sum, mb) => sum + (mb ?? 0), 0);
  const cpu = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuSeconds(pid)]));
  return { totalMb: Math.round(totalMb * 10) / 10, perProcessMb, cpuSeconds: cpu };
}
