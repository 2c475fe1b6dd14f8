import type { Response } from 'express';
import { ConflictException, ForbiddenException, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';

export enum AuthErrorCode {
  UserInOtherShop = 'USER_IN_OTHER_SHOP',
  UserNotFound = 'USER_NOT_FOUND',
  TokenNotFound = 'TOKEN_NOT_FOUND',
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
  RateLimited = 'RATE_LIMITED',
  SignInBusy = 'SIGN_IN_BUSY',
  LastAdmin = 'LAST_ADMIN',
}

/** Accounts span shops: only someone who administers every shop of a user may change what the user signs in with. */
export const userInOtherShop = (field?: string) =>
  new ForbiddenException({
    code: AuthErrorCode.UserInOtherShop,
    message:
      'this user also belongs to a shop you do not administer; you may give them a role in your shop, but not change their account',
    errors: field ? [{ field, message: 'cannot be changed for a user of another shop' }] : [],
  });

// Users and tokens outside the caller's shop answer 404 like missing ones, so ids cannot be probed across shops.
export const userNotFound = () =>
  new NotFoundException({ code: AuthErrorCode.UserNotFound, message: 'no such user in this shop', errors: [] });
export const tokenNotFound = () =>
  new NotFoundException({ code: AuthErrorCode.TokenNotFound, message: 'no such token', errors: [] });

/** A shop keeps at least one admin: otherwise nobody could manage its users any more. */
export const lastAdmin = (field?: string) =>
  new ConflictException({
    code: AuthErrorCode.LastAdmin,
    message: 'this is the shop’s only admin; make someone else admin first',
    errors: field ? [{ field, message: 'would leave the shop without an admin' }] : [],
  });

/**
 * 429 (this client must slow down) or 503 (sign-in is saturated for everyone), with Retry-After in whole seconds.
 * The header goes on the response here because the error filter writes only the body.
 */
export function retryLater(
  res: Response,
  seconds: number,
  code: AuthErrorCode,
  message: string,
  status: HttpStatus.TOO_MANY_REQUESTS | HttpStatus.SERVICE_UNAVAILABLE = HttpStatus.TOO_MANY_REQUESTS,
): HttpException {
  const retryAfter = Math.max(1, Math.ceil(seconds));
  res.setHeader('Retry-After', String(retryAfter));
  return new HttpException({ code, message, retryAfterSeconds: retryAfter, errors: [] }, status);
}
