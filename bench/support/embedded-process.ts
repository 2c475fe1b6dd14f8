import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export interface EmbeddedPorts {
  http: number;
  smtp: number;
  pg: number;
}

export interface EmbeddedProcess {
  child: ChildProcess;
  /** What it wrote so far (stdout and stderr). */
  output: () => string;
}

/**
 * `draftdesk start` from dist/ on a data directory and ports of the benchmark's choosing, resolved once /health/ready
 * answers 200. `onPoll` runs before every look at /health/ready (every `intervalMs`).
 */
export async function startEmbeddedProcess(
  dataDir: string,
  ports: EmbeddedPorts,
  {
    env = {} as Record<string, string>,
    timeoutMs = 120_000,
    intervalMs = 200,
    onSpawn = (child: ChildProcess): ChildProcess => child,
    onPoll = (): void => undefined,
  } = {},
): Promise<EmbeddedProcess> {
  const child = onSpawn(
    spawn(process.execPath, [join(root, 'bin', 'draftdesk.js'), 'start'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        DRAFTDESK_DATA_DIR: dataDir,
        PORT: String(ports.http),
        SMTP_INBOUND_PORT: String(ports.smtp),
        EMBEDDED_PG_PORT: String(ports.pg),
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`embedded app exited ${child.exitCode}: ${output}`);
    onPoll();
    const ready = await fetch(`http://127.0.0.1:${ports.http}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`embedded app not ready in ${timeoutMs / 1000} s: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return { child, output: () => output };
}
