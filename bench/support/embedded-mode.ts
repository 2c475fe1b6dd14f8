import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, escapeLiteral } from 'pg';
import { repoRoot } from '../../test/support/engines';
import { expectEventually } from '../../test/support/expect-eventually';
import { freePort } from '../../test/support/services';
import { measurePipeline, ModeResult, modeResult, PushOptions } from './pipeline-run';
import { peakRss, stopChild, track } from './processes';
import { measureRawInserts, RawInsertResult } from './raw-postgres';
import { InboundEvent } from './workload';

export interface EmbeddedModeOptions extends PushOptions {
  run: string;
  warmup: number;
  timeoutMs: number;
  /** Also measure raw inserts into the same PGlite once the pipeline is done. */
  rawInserts: boolean;
}

/** The outbox row mail-ingest would have written for this event; the relay publishes every producer's rows. */
function outboxValues(events: InboundEvent[]): string {
  return events
    .map(
      (e) =>
        `(${[e.id, e.producer, e.topic, e.key].map(escapeLiteral).join(', ')}, ${escapeLiteral(JSON.stringify(e))}::jsonb)`,
    )
    .join(',\n');
}

/** `draftdesk start`: every service in one process on PGlite and the in-process transport. */
export async function runEmbeddedMode(
  options: EmbeddedModeOptions,
): Promise<{ result: ModeResult; rawPglite: RawInsertResult | null }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'draftdesk-bench-'));
  const [port, smtpPort, pgPort] = [await freePort(), await freePort(), await freePort()];
  const logs = join(repoRoot, 'test-artifacts', 'logs');
  mkdirSync(logs, { recursive: true });
  const out = createWriteStream(join(logs, 'bench-embedded.log'), { flags: 'a' });
  const child = track(
    spawn(process.execPath, [join(repoRoot, 'bin', 'draftdesk.js'), 'start'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        // JSON lines to stdout, which go to the bench log below, as the services write them.
        LOG_FORMAT: 'json',
        HOST: '127.0.0.1',
        PORT: String(port),
        SMTP_INBOUND_PORT: String(smtpPort),
        EMBEDDED_PG_PORT: String(pgPort),
        DRAFTDESK_DATA_DIR: dataDir,
        MESSAGE_ID_DOMAIN: 'replies.shop.test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  // PGlite serves a handful of connections over one session: a single client both inserts and polls, and only
  // simple-protocol queries are sent so no statement of ours can interleave with the app's extended protocol.
  const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:${pgPort}/postgres` });
  let connected = false;
  try {
    await expectEventually(
      async () => {
        if (child.exitCode !== null)
          throw new Error(`draftdesk start exited with ${child.exitCode}; see test-artifacts/logs/bench-embedded.log`);
        const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
        if (res.status !== 200) throw new Error(`not ready: ${res.status}`);
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    await client.connect();
    connected = true;
    const rows = async <T>(sql: string) => (await client.query(sql)).rows as T[];
    const measured = await measurePipeline('embedded', options.run, options, {
      push: async (events) => {
        await client.query(`INSERT INTO outbox (id, producer, topic, key, value) VALUES ${outboxValues(events)}`);
      },
      countDrafts: async () => Number((await rows<{ n: number }>(`SELECT count(*)::int AS n FROM drafts`))[0].n),
      query: rows,
      quote: escapeLiteral,
    });
    const rss = peakRss({ draftdesk: child.pid });
    const result = modeResult('embedded', options, measured, rss, [
      'one process: every service (mail-send writing to the data dir) on PGlite and the in-process transport (LOG_LEVEL=warn)',
      `inbound written to its outbox as producer 'bench' in INSERTs of ${options.batchSize} rows; the relay polls every 250 ms`,
    ]);
    const rawPglite = options.rawInserts
      ? await measureRawInserts('embedded PGlite', options.run, options.n, rows)
      : null;
    return { result, rawPglite };
  } finally {
    if (connected) await client.end().catch(() => undefined);
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
