import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PgliteOrigin, seedPgliteDataDir } from './pglite.template';

export interface EmbeddedPostgres {
  url: string;
  /** Where the database came from: the build's template, an earlier start, or PGlite's own initdb. */
  origin: PgliteOrigin;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly, served on loopback over the wire protocol so the services use the same
 * `pg` driver, TypeORM and migrations as against a real server. From dist/ it runs in a worker thread (see
 * pglite.worker.ts); run from TypeScript sources there is no compiled worker and it shares the main thread.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const origin = seedPgliteDataDir(dataDir);
  const script = join(__dirname, 'pglite.worker.js');
  if (!existsSync(script)) {
    // Loaded here only: with a worker, PGlite lives in the worker's thread and this one never needs it.
    const { servePglite } = await import('./pglite.serve');
    return { url, origin, ...(await servePglite(dataDir, port)) };
  }
  return { url, origin, stop: await startInWorker(script, dataDir, port) };
}

async function startInWorker(script: string, dataDir: string, port: number): Promise<() => Promise<void>> {
  const worker = new Worker(script, { workerData: { dataDir, port } });
  let stopping = false;
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (message: { ready?: boolean; error?: string }) =>
      message.ready ? resolve() : reject(new Error(`the embedded PostgreSQL did not start: ${message.error}`)),
    );
    worker.once('error', reject);
  });
  // The database is the suite's memory: if its thread dies, nothing else can go on safely.
  worker.on('error', (error) => {
    process.stderr.write(`draftdesk: the embedded PostgreSQL failed: ${error.stack ?? error.message}\n`);
    process.exit(70);
  });
  worker.on('exit', (code) => {
    if (stopping) return;
    process.stderr.write(`draftdesk: the embedded PostgreSQL stopped unexpectedly (thread exit ${code})\n`);
    process.exit(70);
  });
  return async () => {
    stopping = true;
    const stopped = new Promise<void>((resolve) => worker.once('message', () => resolve()));
    worker.postMessage('stop');
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await worker.terminate();
  };
}
