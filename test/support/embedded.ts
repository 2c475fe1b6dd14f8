import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './engines';
import { expectEventually } from './expect-eventually';

export interface EmbeddedSuite {
  child: ChildProcess;
  /** What the terminal showed so far (stdout and stderr). */
  output: () => string;
  startedInMs: number;
  /** SIGTERM, as Ctrl-C would, and the exit. */
  stop: () => Promise<void>;
}

/** `draftdesk start` as a person runs it (bin/draftdesk.js, this environment only); resolves once ready and the banner is out. */
export async function startEmbedded(
  env: Record<string, string>,
  options: { port: number; cwd?: string; timeoutMs?: number; args?: string[] },
): Promise<EmbeddedSuite> {
  const begun = Date.now();
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'draftdesk.js'), 'start', ...(options.args ?? [])], {
    cwd: options.cwd ?? repoRoot,
    // Approvals go out at once unless a test asks for the send delay (REVIEW_SEND_DELAY_SECONDS) people get.
    env: { PATH: process.env.PATH ?? '', PORT: String(options.port), REVIEW_SEND_DELAY_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  try {
    await expectEventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${output}`);
        expect((await fetch(`http://127.0.0.1:${options.port}/health/ready`)).status).toBe(200);
        expect(output).toContain('Stop it with Ctrl-C');
      },
      { timeoutMs: options.timeoutMs ?? 30_000, intervalMs: 100 },
    );
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  return {
    child,
    output: () => output,
    startedInMs: Date.now() - begun,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
