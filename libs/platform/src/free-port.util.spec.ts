import { createServer } from 'node:net';
import { freeLoopbackPort } from './free-port.util';

describe('freeLoopbackPort', () => {
  it('gives ports below the ephemeral range that can be listened on', async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freeLoopbackPort()));
    for (const port of ports) expect(port >= 20_000 && port < 32_768).toBe(true);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(ports[0], '127.0.0.1', resolve));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
