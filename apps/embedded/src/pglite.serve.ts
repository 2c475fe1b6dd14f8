import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';

/** Opens the PGlite database in dataDir and serves it over the PostgreSQL wire protocol on 127.0.0.1:port. */
export async function servePglite(dataDir: string, port: number): Promise<{ stop(): Promise<void> }> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 4 });
  await server.start();
  return {
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
