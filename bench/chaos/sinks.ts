import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** Receipts per key: how often each reply arrived. */
export type Receipts = Map<string, number>;

function count(receipts: Receipts, key: string) {
  receipts.set(key, (receipts.get(key) ?? 0) + 1);
}

/** The Message-ID header of a raw mail, without angle brackets; null when it has none. */
export function messageIdOf(raw: string): string | null {
  const head = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  const m = /^message-id:\s*<?([^>\s]+)>?/im.exec(head);
  return m ? m[1] : null;
}

/** The customer's mail server: accepts every reply and counts it by Message-ID. */
export async function startSmtpSink(): Promise<{ port: number; receipts: Receipts; close(): Promise<void> }> {
  const receipts: Receipts = new Map();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        count(receipts, messageIdOf(Buffer.concat(chunks).toString('utf8')) ?? '(no Message-ID)');
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, receipts, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The chat provider's reply callback: accepts every delivery and counts it by its idempotency key (the draft id). */
export async function startCallbackSink(): Promise<{ url: string; receipts: Receipts; close(): Promise<void> }> {
  const receipts: Receipts = new Map();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count(receipts, String(req.headers['idempotency-key'] ?? '(no idempotency key)'));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/replies`,
    receipts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
