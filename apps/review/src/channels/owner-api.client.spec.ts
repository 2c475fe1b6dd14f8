import { HttpException } from '@nestjs/common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { OwnerApiClient } from './owner-api.client';

/** A local HTTP server standing in for an owner's admin API: answers each path with a fixed status and body. */
describe('OwnerApiClient', () => {
  let server: Server;
  let url = '';
  const seen: { auth?: string; body: string }[] = [];
  const answers: Record<string, [number, unknown]> = {
    '/ok': [200, { items: [] }],
    '/bad': [
      400,
      { statusCode: 400, code: 'VALIDATION_FAILED', message: 'bad', errors: [{ field: 'host', message: 'x' }] },
    ],
    '/taken': [409, { statusCode: 409, code: 'MAILBOX_NAME_TAKEN', message: 'taken' }],
    '/denied': [403, { statusCode: 403, code: 'FORBIDDEN', message: 'no' }],
    '/broken': [500, { statusCode: 500, code: 'INTERNAL_ERROR', message: 'internal error' }],
    '/gone': [204, null],
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, body });
        const [status, answer] = answers[req.url ?? ''] ?? [404, { message: 'no route' }];
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(answer === null ? undefined : JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const client = () => new OwnerApiClient('mail-ingest', { url, token: 'owner-admin-token-123' });
  const failure = async (call: Promise<unknown>) => {
    const error = await call.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HttpException);
    return { status: (error as HttpException).getStatus(), body: (error as HttpException).getResponse() };
  };

  it('sends the token and the body, and returns the answer', async () => {
    expect(await client().call('POST', '/ok', { a: 1 })).toEqual({ items: [] });
    expect(seen.at(-1)).toEqual({ auth: 'Bearer owner-admin-token-123', body: '{"a":1}' });
    expect(await client().call('DELETE', '/gone')).toBeUndefined();
  });

  it("passes the owner's 4xx on with the fields it names", async () => {
    expect(await failure(client().call('POST', '/bad', {}))).toEqual({
      status: 400,
      body: expect.objectContaining({ code: 'VALIDATION_FAILED', errors: [{ field: 'host', message: 'x' }] }),
    });
    expect((await failure(client().call('POST', '/taken', {}))).status).toBe(409);
  });

  it('turns a refused token and an owner failure into a 502 that names the setting, never a 401/403', async () => {
    expect(await failure(client().call('GET', '/denied'))).toEqual({
      status: 502,
      body: expect.objectContaining({
        code: 'OWNER_REFUSED',
        message: "mail-ingest does not accept the desk's MAIL_ADMIN_TOKEN",
      }),
    });
    expect((await failure(client().call('GET', '/broken'))).status).toBe(502);
  });

  it('says when the owner cannot be reached or is not configured', async () => {
    const closed = new OwnerApiClient('chat-gateway', { url: 'http://127.0.0.1:1', token: 't' }, 2000);
    expect((await failure(closed.call('GET', '/ok'))).body).toMatchObject({ code: 'OWNER_UNREACHABLE' });
    const unset = new OwnerApiClient('chat-gateway', undefined);
    expect(unset.connected).toBe(false);
    expect(await failure(unset.call('GET', '/ok'))).toEqual({
      status: 503,
      body: expect.objectContaining({
        code: 'OWNER_NOT_CONNECTED',
        message: 'the desk is not connected to chat-gateway: set CHAT_GATEWAY_URL and CHAT_ADMIN_TOKEN',
      }),
    });
  });
});
