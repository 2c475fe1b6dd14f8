import { createHash, generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Who signs in at the fake provider next; tests change it between sign-ins. */
export interface FakeIdentity {
  sub: string;
  email?: string;
  email_verified?: boolean;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce?: string;
  identity: FakeIdentity;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * A LOCAL fake OpenID Provider on loopback for tests: discovery, JWKS, an authorize endpoint that signs the
 * current identity in at once and redirects back with a code, and a token endpoint that checks the client
 * secret and the PKCE verifier and issues an RS256 id_token signed with a key generated here. Nothing leaves
 * the machine; no real identity provider is involved.
 */
export class FakeOidcProvider {
  identity: FakeIdentity = { sub: 'subject-1' };
  /** When set, id_tokens are signed with this key instead of the published one (a forged token). */
  forgeWith?: KeyObject;
  readonly tokenRequests: Record<string, string>[] = [];
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly kid = randomBytes(6).toString('hex');
  private readonly grants = new Map<string, Grant>();
  private server?: Server;
  issuer = '';

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req)
        .then(({ status, headers, body }) => {
          res.writeHead(status, headers);
          res.end(body);
        })
        .catch((err) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(err));
        });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private json(status: number, value: unknown) {
    return {
      status,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: JSON.stringify(value),
    };
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const url = new URL(req.url ?? '/', this.issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return this.json(200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: `${this.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        scopes_supported: ['openid', 'email', 'profile'],
      });
    }
    if (url.pathname === '/jwks') {
      return this.json(200, {
        keys: [{ ...this.keys.publicKey.export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' }],
      });
    }
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== this.clientId || q.get('response_type') !== 'code')
        return this.json(400, { error: 'invalid_request' });
      if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge'))
        return this.json(400, { error: 'invalid_request', error_description: 'PKCE S256 required' });
      const code = randomBytes(16).toString('hex');
      this.grants.set(code, {
        clientId: this.clientId,
        redirectUri: q.get('redirect_uri')!,
        challenge: q.get('code_challenge')!,
        nonce: q.get('nonce') ?? undefined,
        identity: { ...this.identity },
      });
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('code', code);
      if (q.get('state')) back.searchParams.set('state', q.get('state')!);
      return { status: 302, headers: { location: back.href }, body: '' };
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
      this.tokenRequests.push(form);
      const [id, secret] = basicAuth(req.headers.authorization) ?? [form.client_id, form.client_secret];
      if (id !== this.clientId || secret !== this.clientSecret) return this.json(401, { error: 'invalid_client' });
      const grant = this.grants.get(form.code);
      this.grants.delete(form.code);
      if (!grant || form.grant_type !== 'authorization_code' || form.redirect_uri !== grant.redirectUri)
        return this.json(400, { error: 'invalid_grant' });
      if (
        b64url(
          createHash('sha256')
            .update(form.code_verifier ?? '')
            .digest(),
        ) !== grant.challenge
      ) {
        return this.json(400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
      }
      const now = Math.floor(Date.now() / 1000);
      const idToken = this.jwt({
        iss: this.issuer,
        aud: this.clientId,
        iat: now,
        exp: now + 300,
        nonce: grant.nonce,
        ...grant.identity,
      });
      return this.json(200, {
        access_token: randomBytes(16).toString('hex'),
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken,
        scope: 'openid email profile',
      });
    }
    return this.json(404, { error: 'not_found' });
  }

  private jwt(claims: Record<string, unknown>): string {
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: this.kid }));
    const payload = b64url(JSON.stringify(claims));
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), this.forgeWith ?? this.keys.privateKey);
    return `${header}.${payload}.${b64url(signature)}`;
  }
}

function basicAuth(header: string | undefined): [string, string] | null {
  if (!header?.startsWith('Basic ')) return null;
  const raw = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const i = raw.indexOf(':');
  // client_secret_basic form-encodes id and secret before base64 (RFC 6749 §2.3.1).
  return [decodeURIComponent(raw.slice(0, i)), decodeURIComponent(raw.slice(i + 1))];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
