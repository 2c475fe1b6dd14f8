import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbedded } from './embedded';
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
  const suite = await startEmbedded(
    {
      LOG_LEVEL: 'warn',
      DRAFTDESK_DATA_DIR: dataDir,
      SMTP_INBOUND_PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      ...env,
    },
    { port, timeoutMs, args },
  ).catch((error) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    reviewAuth: () => ({ authorization: `Bearer ${readFileSync(join(dataDir, 'review-api-token'), 'utf8').trim()}` }),
    output: suite.output,
    stop: async () => {
      await suite.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
