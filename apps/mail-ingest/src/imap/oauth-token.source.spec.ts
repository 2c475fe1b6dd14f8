import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { OAuthTokenError, OAuthTokenSource } from './oauth-token.source';

/** A LOCAL fake OAuth2 token endpoint: issues numbered tokens for the one valid refresh token, can rotate or revoke. */
class FakeTokenServer {
  server!: Server;
  url = '';
  requests: Record<string, string>[] = [];
  validRefreshToken = 'refresh-1';
  rotateTo: string | null = null;
  expiresIn = 3600;
  failWith: number | null = null;

  async start() {
    this.server = createServer(async (req: IncomingMessage, res) => {
      const body = await new Promise<string>((resolve) => {
        let data = '';
        req.on('data', (c) => (data += c));
        req.on('end', () => resolve(data));
      });
      const form = Object.fromEntries(new URLSearchParams(body));
      this.requests.push(form);
      res.setHeader('content-type', 'application/json');
      if (this.failWith) {
        res.statusCode = this.failWith;
        return res.end(JSON.stringify({ error: 'temporarily_unavailable' }));
      }
      if (form.grant_type !== 'refresh_token' || form.client_id !== 'client' || form.client_secret !== 'secret') {
        res.statusCode = 401;
        return res.end(JSON.stringify({ error: 'invalid_client' }));
      }
      if (form.refresh_token !== this.validRefreshToken) {
        res.statusCode = 400;
        return res.end(
          JSON.stringify({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }),
        );
      }
      const reply: Record<string, unknown> = {
        access_token: `access-${this.requests.length}`,
        token_type: 'Bearer',
        expires_in: this.expiresIn,
      };
      if (this.rotateTo) {
        reply.refresh_token = this.rotateTo;
        this.validRefreshToken = this.rotateTo;
        this.rotateTo = null;
      }
      res.end(JSON.stringify(reply));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/token`;
  }

  stop() {
    return new Promise((resolve) => this.server.close(resolve));
  }
}

describe('OAuthTokenSource against a local fake OAuth2 token server', () => {
  let fake: FakeTokenServer;
  let clock: number;
  const source = (refreshToken = 'refresh-1', extra: Partial<ConstructorParameters<typeof OAuthTokenSource>[1]> = {}) =>
    new OAuthTokenSource(
      { tokenUrl: fake.url, clientId: 'client', clientSecret: 'secret', refreshToken },
      { now: () => clock, marginMs: 60_000, ...extra },
    );

  beforeEach(async () => {
    clock = 1_000_000;
    fake = new FakeTokenServer();
    await fake.start();
  });
  afterEach(() => fake.stop());

  it('refreshes with grant_type=refresh_token and caches the access token until shortly before expiry', async () => {
    const tokens = source();
    expect(await tokens.accessToken()).toBe('access-1');
    expect(fake.requests[0]).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-1',
      client_id: 'client',
      client_secret: 'secret',
    });
    clock += 3600_000 - 61_000;
    expect(await tokens.accessToken()).toBe('access-1');
    expect(fake.requests).toHaveLength(1);
    clock += 2_000; // now inside the margin before expiry
    expect(await tokens.accessToken()).toBe('access-2');
    expect(tokens.refreshes).toBe(2);
  });

  it('shares one refresh between concurrent callers', async () => {
    const tokens = source();
    const all = await Promise.all([tokens.accessToken(), tokens.accessToken(), tokens.accessToken()]);
    expect(all).toEqual(['access-1', 'access-1', 'access-1']);
    expect(fake.requests).toHaveLength(1);
  });

  it('fetches a new token after invalidate() (the IMAP server refused the cached one)', async () => {
    const tokens = source();
    await tokens.accessToken();
    tokens.invalidate();
    expect(await tokens.accessToken()).toBe('access-2');
  });

  it('keeps and reports a rotated refresh token', async () => {
    const rotated: string[] = [];
    const tokens = source('refresh-1', { onRefreshTokenRotated: (t) => rotated.push(t) });
    fake.rotateTo = 'refresh-2';
    await tokens.accessToken();
    tokens.invalidate();
    await tokens.accessToken();
    expect(rotated).toEqual(['refresh-2']);
    expect(fake.requests[1].refresh_token).toBe('refresh-2');
  });

  it.each<[string, () => void, string, boolean]>([
    ['a revoked refresh token', () => (fake.validRefreshToken = 'other'), 'invalid_grant', true],
    ['a server error', () => (fake.failWith = 503), 'temporarily_unavailable', false],
  ])('%s → OAuthTokenError (permanent=%s)', async (_name, arrange, code, permanent) => {
    arrange();
    const error = await source()
      .accessToken()
      .catch((e) => e);
    expect(error).toBeInstanceOf(OAuthTokenError);
    expect(error.message).toContain(code);
    expect(error.permanent).toBe(permanent);
  });

  it('an unreachable endpoint is a temporary error', async () => {
    await fake.stop();
    const error = await source()
      .accessToken()
      .catch((e) => e);
    expect(error).toBeInstanceOf(OAuthTokenError);
    expect(error.permanent).toBe(false);
    fake.server.listen(0); // afterEach closes it again
  });
});
