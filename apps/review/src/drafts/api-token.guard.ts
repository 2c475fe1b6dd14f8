import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

export const REVIEW_API_TOKEN = Symbol('REVIEW_API_TOKEN');

/** Bearer-token check for the review API; open when no token is configured (the embedded mode on loopback). */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  constructor(@Inject(REVIEW_API_TOKEN) private readonly token: string | undefined) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.token) return true;
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const given = Buffer.from(header.replace(/^Bearer\s+/i, ''));
    const expected = Buffer.from(this.token);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
    throw new UnauthorizedException('missing or invalid bearer token');
  }
}
