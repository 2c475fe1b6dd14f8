import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthService } from './auth.service';
import { Actor, hasRole, Principal, resolveMembership, Role } from './principal';
import { parseCookies, safeEqual } from './token.util';

export const SESSION_COOKIE = 'dd_session';
const PUBLIC = 'review:public';
const MIN_ROLE = 'review:min-role';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** No principal needed (sign-in itself). */
export const Public = () => SetMetadata(PUBLIC, true);
/** The least role the caller must hold in the shop the request acts in; agent when not given. */
export const MinRole = (role: Role) => SetMetadata(MIN_ROLE, role);

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
  actor?: Actor;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor!;
});

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal!;
});

/**
 * Every review endpoint passes here: a bearer API token or a session cookie; cookie-authenticated writes must
 * echo the session's CSRF token (synchronizer pattern); the caller must belong to the shop the request acts in
 * (X-Shop-Id header or ?shop=, else their only shop) with at least the endpoint's role.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(req);
    const requested = (req.headers['x-shop-id'] as string | undefined) ?? (typeof req.query.shop === 'string' ? req.query.shop : undefined);
    const membership = resolveMembership(principal.memberships, requested);
    if (!membership) throw new ForbiddenException({ code: 'NOT_A_MEMBER', message: 'you have no role in this shop' });
    const needed = this.reflector.getAllAndOverride<Role>(MIN_ROLE, targets) ?? 'agent';
    if (!hasRole(membership.role, needed)) {
      throw new ForbiddenException({ code: 'ROLE_REQUIRED', message: `this needs the ${needed} role` });
    }
    req.principal = principal;
    req.actor = { userId: principal.userId, email: principal.email, shopId: membership.shopId, role: membership.role };
    return true;
  }

  private async authenticate(req: AuthenticatedRequest): Promise<Principal> {
    const header = req.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = match ? await this.auth.principalForToken(match[1]) : null;
      if (!principal) throw new UnauthorizedException({ code: 'INVALID_TOKEN', message: 'missing or invalid bearer token' });
      return principal;
    }
    const sessionId = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    const principal = sessionId ? await this.auth.principalForSession(sessionId) : null;
    if (!principal) throw new UnauthorizedException({ code: 'NOT_SIGNED_IN', message: 'sign in first' });
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, principal.csrfToken!)) {
        throw new ForbiddenException({ code: 'CSRF', message: 'missing or invalid X-CSRF-Token' });
      }
    }
    return principal;
  }
}
