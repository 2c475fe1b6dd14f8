import { Authenticator, RealmAuthenticator, RealmName, Realms } from '@draftdesk/platform';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { AuthService } from './auth.service';
import { Principal } from './principal';
import { parseCookies, safeEqual } from './token.util';

export const SESSION_COOKIE = 'dd_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The review desk's people: a bearer API token or a session cookie; cookie-authenticated writes must echo the
 * session's CSRF token (synchronizer pattern).
 */
@Injectable()
@RealmAuthenticator()
export class ReviewAuthenticator implements Authenticator {
  readonly realms: readonly RealmName[];
  readonly credential = 'a review session (cookie, X-CSRF-Token on writes) or Bearer <review API token>';
  readonly enabled = true;

  constructor(
    private readonly auth: AuthService,
    @Inject(REVIEW_OPTIONS) options: ReviewOptions,
  ) {
    this.realms = [Realms.review, ...(options.alsoOpens ?? [])];
  }

  async authenticate(req: Request): Promise<Principal | null> {
    const header = req.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      return match ? await this.auth.principalForToken(match[1]) : null;
    }
    const sessionId = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    const principal = sessionId ? await this.auth.principalForSession(sessionId) : null;
    if (!principal) return null;
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, principal.csrfToken!)) {
        throw new ForbiddenException({ code: 'CSRF', message: 'missing or invalid X-CSRF-Token' });
      }
    }
    return principal;
  }
}
