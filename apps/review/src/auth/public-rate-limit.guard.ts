import { CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SignInLimitsService } from './sign-in-limits.service';

/** Endpoints anyone may call (sign-in, OpenID Connect, the UI's files, the API docs) are limited per client address. */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  constructor(private readonly limits: SignInLimitsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    await this.limits.countPublicRequest(http.getRequest<Request>(), http.getResponse<Response>());
    return true;
  }
}

export const PerAddressLimit = () => UseGuards(PublicRateLimitGuard);
