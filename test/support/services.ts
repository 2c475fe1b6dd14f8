import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freeLoopbackPort } from '@draftdesk/platform';
import { repoRoot } from './engines';
import { expectEventually } from './expect-eventually';

export type ServiceName =
  'mail-ingest' | 'chat-gateway' | 'conversations' | 'triage' | 'drafter' | 'review' | 'mail-send';

export const freePort = freeLoopbackPort;

/** One service running as its own process from dist/, exactly as it runs in a container. */
export class RunningService {
  private exited: Promise<number | null>;

  constructor(
    readonly name: ServiceName,
    readonly port: number,
    readonly process: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async ready(timeoutMs = 45_000) {
    // A process that is gone (an exit code, or killed by a signal) ends the wait at once instead of being polled
    // until the timeout, which would also keep the test runner from exiting.
    const gone = () => this.process.exitCode !== null || this.process.signalCode !== null;
    await expectEventually(
      async () => {
        if (gone()) return;
        const res = await fetch(`${this.url}/health/ready`);
        if (res.status !== 200) throw new Error(`${this.name} not ready: ${res.status} ${await res.text()}`);
      },
      { timeoutMs, intervalMs: 250 },
    );
    if (gone())
      throw new Error(`${this.name} exited (${this.process.exitCode ?? this.process.signalCode}) before it was ready`);
    return this;
  }

  /** SIGKILL: no shutdown hooks, no flushing — what a crashed or OOM-killed pod looks like. */
  async kill(signal: NodeJS.Signals = 'SIGKILL') {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill(signal);
    await this.exited;
  }
}

/** Starts a service process with the given environment; its output goes to test-artifacts/logs/<label>.log. */
export async function startService(
  name: ServiceName,
  env: Record<string, string>,
  label: string = name,
): Promise<RunningService> {
  const port = await freePort();
  const logs = join(repoRoot, 'test-artifacts', 'logs');
  mkdirSync(logs, { recursive: true });
  const out = createWriteStream(join(logs, `${label}.log`), { flags: 'a' });
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'apps', name, 'src', 'main.js')], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      // Approvals go out at once unless a test asks for the send delay (REVIEW_SEND_DELAY_SECONDS) people get.
      REVIEW_SEND_DELAY_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Both streams share one file: neither may end it, or the other's last lines after a SIGKILL hit a closed stream.
  child.stdout!.pipe(out, { end: false });
  child.stderr!.pipe(out, { end: false });
  child.once('close', () => out.end());
  return new RunningService(name, port, child);
}

/** Runs a service to its exit and returns its exit code and output (for start-up validation tests). */
export async function runToExit(
  name: ServiceName,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'apps', name, 'src', 'main.js')], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}
