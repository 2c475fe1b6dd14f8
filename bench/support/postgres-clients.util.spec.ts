import { createServer, connect, Socket } from 'node:net';
import { localTcpPorts } from './postgres-clients.util';

describe('localTcpPorts', () => {
  it("lists the local port of this process's own open connection and not of one it never opened", async () => {
    const server = createServer((s) => s.on('error', () => undefined));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const client: Socket = await new Promise((resolve) => {
      const c = connect(port, '127.0.0.1', () => resolve(c));
    });
    try {
      const ports = localTcpPorts(process.pid);
      expect(ports.has(client.localPort!)).toBe(true);
      expect(ports.has(port)).toBe(true); // the listening socket
      expect(localTcpPorts(2 ** 22 + 7).size).toBe(0); // no such process
    } finally {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
