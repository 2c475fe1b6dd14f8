import { Public, PUBLIC_ROUTE } from '@draftdesk/platform';
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
import { Actor, hasRole, Principal, resolveMembership, Role } from './principal';
import { ReviewAuthenticator } from './review.authenticator';

export { SESSION_COOKIE } from './review.authenticator';
/** No principal needed (sign-in itself): the suite's one public marker. */
export { Public };

const MIN_ROLE = 'review:min-role';

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
 * After the app's access guard has proven who calls (ReviewAuthenticator): the caller must belong to the shop the
 * request acts in (X-Shop-Id header or ?shop=, else their only shop) with at least the endpoint's role.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly authenticator: ReviewAuthenticator,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // The access guard normally set it; a module mounted without that guard still refuses strangers here.
    const principal = req.principal ?? (await this.authenticator.authenticate(req));
    if (!principal)
      throw new UnauthorizedException({
        code: 'UNAUTHENTICATED',
        message: 'sign in or send Authorization: Bearer <token>',
      });
    const requested =
      (req.headers['x-shop-id'] as string | undefined) ??
      (typeof req.query.shop === 'string' ? req.query.shop : undefined);
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
}
