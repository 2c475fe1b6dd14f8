import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AUTH_REALM, AUTHENTICATOR, PUBLIC_ROUTE, RealmName } from './access.decorators';
import { Authenticator } from './authenticator';

export interface AuthenticatedRequest extends Request {
  principal?: object;
}

/**
 * Deny by default, for every route of the app it is registered in: a route is served when it is marked
 * @Public(), or when one of the authenticators of its realm accepts the request. A route without a realm, or a realm
 * whose secrets are not configured, is closed — so a new controller cannot ship open by forgetting a guard.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private authenticators?: Authenticator[];

  constructor(
    private readonly reflector: Reflector,
    private readonly discovery: DiscoveryService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const realm = this.reflector.getAllAndOverride<RealmName | undefined>(AUTH_REALM, targets);
    if (!realm)
      throw new ForbiddenException({ code: 'ROUTE_CLOSED', message: 'this route has no authenticator and is closed' });
    const candidates = this.authenticatorsOf(realm);
    const enabled = candidates.filter((a) => a.enabled);
    if (enabled.length === 0) {
      const needed = candidates.map((a) => a.credential.replace(/^Bearer /, '')).join(' or ') || 'an authenticator';
      throw new ForbiddenException({
        code: 'API_CLOSED',
        message: `the ${realm} API is closed until ${needed} is configured`,
      });
    }
    for (const authenticator of enabled) {
      const principal = await authenticator.authenticate(req);
      if (principal) {
        req.principal ??= principal;
        return true;
      }
    }
    throw new UnauthorizedException({
      code: 'UNAUTHENTICATED',
      message: `the ${realm} API needs ${enabled.map((a) => a.credential).join(' or ')}`,
    });
  }

  private authenticatorsOf(realm: RealmName): Authenticator[] {
    this.authenticators ??= this.discovery
      .getProviders()
      .filter(
        (w) => w.metatype && w.instance && this.reflector.get<boolean>(AUTHENTICATOR, w.metatype as object as Function),
      )
      .map((w) => w.instance as Authenticator);
    return this.authenticators.filter((a) => a.realms.includes(realm));
  }
}
