import type { Request } from 'express';
import { bearerTokenMatches } from '../bearer-token.util';
import { RealmName } from './access.decorators';

/** One way of proving who calls; an app provides one class per credential it accepts (see RealmAuthenticator). */
export interface Authenticator {
  /** The realms whose routes an accepted caller may use. */
  readonly realms: readonly RealmName[];
  /** What a caller presents, named for the operator and the 401 message: "Bearer KB_API_TOKEN". */
  readonly credential: string;
  /** Off when its secret is not configured; routes only it could open are then closed. */
  readonly enabled: boolean;
  /**
   * The caller's principal, or null when the request carries no credential this authenticator recognises. Throws an
   * HttpException only when the credential is its own and still refused (say, a session cookie without CSRF token).
   */
  authenticate(req: Request): Promise<object | null> | object | null;
}

/** A principal proven by a shared bearer token: enough for admin APIs that have no users of their own. */
export interface TokenPrincipal {
  via: 'token';
  credential: string;
}

/** A static bearer token from the environment; unset means the realm stays closed, never open. */
export abstract class BearerTokenAuthenticator implements Authenticator {
  readonly realms: readonly RealmName[];
  readonly credential: string;
  readonly enabled: boolean;

  protected constructor(
    realms: readonly RealmName[],
    private readonly variable: string,
    private readonly token: string | null | undefined,
  ) {
    this.realms = realms;
    this.credential = `Bearer ${variable}`;
    this.enabled = !!token;
  }

  authenticate(req: Request): TokenPrincipal | null {
    if (!this.token || !bearerTokenMatches(req.headers.authorization, this.token)) return null;
    return { via: 'token', credential: this.variable };
  }
}
