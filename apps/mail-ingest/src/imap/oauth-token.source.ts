/** What XOAUTH2 needs to turn a long-lived refresh token into short-lived access tokens (Gmail, Microsoft 365). */
export interface OAuthClientSettings {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** Microsoft wants the scope again on refresh (https://outlook.office.com/IMAP.AccessAsUser.All offline_access). */
  scope?: string | null;
}

export class OAuthTokenError extends Error {
  constructor(
    message: string,
    /** True when retrying cannot help (revoked or expired refresh token, wrong client): a person must act. */
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'OAuthTokenError';
  }
}

// RFC 6749 §5.2: these say the grant or the client is no good; anything else (5xx, timeouts) may pass.
const PERMANENT_ERRORS = new Set([
  'invalid_grant',
  'invalid_client',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
]);

export interface OAuthTokenSourceOptions {
  fetch?: typeof fetch;
  now?: () => number;
  /** Refresh this long before the token expires, so a connection never starts with a token about to lapse. */
  marginMs?: number;
  timeoutMs?: number;
  /** Called when the server rotates the refresh token (Microsoft does), so the new one can be stored. */
  onRefreshTokenRotated?: (refreshToken: string) => void;
}

/**
 * Access tokens from a refresh token (`grant_type=refresh_token`), cached until shortly before they expire.
 * Concurrent callers share one refresh. `invalidate()` after the IMAP server refuses a token forces a new one.
 */
export class OAuthTokenSource {
  private cached: { token: string; expiresAt: number } | null = null;
  private inflight: Promise<string> | null = null;
  private refreshToken: string;
  refreshes = 0;

  constructor(
    private readonly settings: OAuthClientSettings,
    private readonly options: OAuthTokenSourceOptions = {},
  ) {
    this.refreshToken = settings.refreshToken;
  }

  async accessToken(): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    if (this.cached && now < this.cached.expiresAt - (this.options.marginMs ?? 60_000)) return this.cached.token;
    this.inflight ??= this.refresh().finally(() => (this.inflight = null));
    return this.inflight;
  }

  invalidate() {
    this.cached = null;
  }

  private async refresh(): Promise<string> {
    this.refreshes++;
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: this.refreshToken,
      client_id: this.settings.clientId,
      client_secret: this.settings.clientSecret,
    });
    if (this.settings.scope) form.set('scope', this.settings.scope);
    let res: Response;
    try {
      res = await (this.options.fetch ?? fetch)(this.settings.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new OAuthTokenError(`token endpoint unreachable: ${(error as Error).message}`, false);
    }
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok || typeof body.access_token !== 'string') {
      const code = typeof body.error === 'string' ? body.error : `http_${res.status}`;
      const description = typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
      throw new OAuthTokenError(`token refresh refused (${code})${description}`, PERMANENT_ERRORS.has(code));
    }
    if (typeof body.refresh_token === 'string' && body.refresh_token !== this.refreshToken) {
      this.refreshToken = body.refresh_token;
      this.options.onRefreshTokenRotated?.(body.refresh_token);
    }
    const expiresIn = Number(body.expires_in ?? 3600);
    this.cached = {
      token: body.access_token,
      expiresAt: (this.options.now ?? Date.now)() + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000,
    };
    return body.access_token;
  }
}
