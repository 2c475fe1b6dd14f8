import { parentPort, workerData } from 'node:worker_threads';
import { servePglite } from './pglite.serve';

/**
 * Runs the embedded PostgreSQL in a worker thread of the embedded process. PGlite executes queries synchronously in
 * WebAssembly: storing a 25 MB mail, or a long migration, would otherwise hold up the event loop that answers health
 * checks, the API and SMTP clients. The services reach it over loopback TCP as before.
 */
async function run(): Promise<void> {
  const { dataDir, port } = workerData as { dataDir: string; port: number };
  const served = await servePglite(dataDir, port);
  parentPort!.on('message', async (message: unknown) => {
    if (message !== 'stop') return;
    await served.stop();
    parentPort!.postMessage({ stopped: true });
  });
  parentPort!.postMessage({ ready: true });
}

run().catch((error: Error) => parentPort!.postMessage({ error: error.stack ?? error.message }));
