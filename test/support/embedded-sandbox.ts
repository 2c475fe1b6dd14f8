import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './engines';
import { expectEventually } from './expect-eventually';
import { freePort } from './services';

export interface RunningEmbedded {
  /** http://127.0.0.1:<port> */
  url: string;
  dataDir: string;
  /** `Authorization` header with the review API token the suite keeps in its data directory. */
  reviewAuth(): { authorization: string };
  output(): string;
  stop(): Promise<void>;
}

/**
 * `draftdesk start <args>` on free ports with a data directory of its own (PGlite unless `env` names a DATABASE_URL),
 * ready when /health/ready answers 200. `stop()` sends SIGTERM, waits for the exit and removes the data directory.
 */
export async function startEmbeddedSandbox(
  env: Record<string, string> = {},
  { timeoutMs = 120_000, args = [] as string[] } = {},
): Promise<RunningEmbedded> {
  const dataDir = mkdtempSync(join(tmpdir(), 'draftdesk-embedded-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'bin', 'draftdesk.js'), 'start', ...args], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'warn',
      DRAFTDESK_DATA_DIR: dataDir,
      PORT: String(port),
      SMTP_INBOUND_PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await expectEventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`draftdesk start exited ${child.exitCode}: ${output}`);
        expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      },
      { timeoutMs, intervalMs: 250 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    dataDir,
    reviewAuth: () => ({ authorization: `Bearer ${readFileSync(join(dataDir, 'review-api-token'), 'utf8').trim()}` }),
    output: () => output,
    stop,
  };
}
