import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type * as OpenId from 'openid-client';
import { REVIEW_OPTIONS, ReviewOptions } from '../review.options';

export interface OidcPending {
  state: string;
  nonce: string;
  verifier: string;
}

/** Authorization-code sign-in with PKCE against the configured issuer (openid-client). */
@Injectable()
export class OidcService {
  private config?: Promise<OpenId.Configuration>;

  constructor(@Inject(REVIEW_OPTIONS) private readonly options: ReviewOptions) {}

  get enabled(): boolean {
    return Boolean(this.options.oidc);
  }

  get issuer(): string {
    return this.options.oidc!.issuer;
  }

  async start(): Promise<{ url: string; pending: OidcPending }> {
    const client = await this.client();
    const config = await this.configuration();
    const pending = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.options.oidc!.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  async finish(
    callbackUrl: URL,
    pending: OidcPending,
  ): Promise<{ subject: string; email?: string; emailVerified: boolean }> {
    const client = await this.client();
    const tokens = await client.authorizationCodeGrant(await this.configuration(), callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
    });
    const claims = tokens.claims()!;
    return {
      subject: claims.sub,
      email: claims.email as string | undefined,
      emailVerified: claims.email_verified === true,
    };
  }

  private client(): Promise<typeof OpenId> {
    if (!this.options.oidc)
      throw new NotFoundException({ code: 'OIDC_DISABLED', message: 'OpenID Connect is not configured' });
    // openid-client is an ES module: loaded on first use so nothing pays for it when OIDC is off.
    return import('openid-client');
  }

  private async configuration(): Promise<OpenId.Configuration> {
    const client = await this.client();
    const o = this.options.oidc!;
    // openid-client trusts an id_token from the token endpoint on the strength of TLS alone (OIDC Core 3.1.3.7);
    // we also check its signature against the issuer's JWKS, so a misrouted or intercepted token endpoint (or
    // an http:// test issuer) cannot hand us a forged identity.
    this.config ??= client.discovery(new URL(o.issuer), o.clientId, o.clientSecret, undefined, {
      execute: [...(o.allowInsecure ? [client.allowInsecureRequests] : []), client.enableNonRepudiationChecks],
    });
    return this.config.catch((error) => {
      this.config = undefined; // a transient discovery failure must not stick
      throw error;
    });
  }
}
