import { Controller, ExecutionContext, Get, HttpException, Injectable } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthRealm, Public, RealmAuthenticator, Realms } from './access.decorators';
import { AccessGuard } from './access.guard';
import { BearerTokenAuthenticator } from './authenticator';

@Injectable()
@RealmAuthenticator()
class KbToken extends BearerTokenAuthenticator {
  constructor(token: string | undefined) {
    super([Realms.kb], 'KB_API_TOKEN', token);
  }
}

@Controller('x')
@AuthRealm(Realms.kb)
class Guarded {
  @Get() list() {}
  @Get('open') @Public() open() {}
}

@Controller('y')
class Unmarked {
  @Get() list() {}
}

const TOKEN = 'a-sufficiently-long-kb-token';

function context(cls: Function, handler: string, authorization?: string): ExecutionContext {
  const req = { headers: authorization ? { authorization } : {} } as Request;
  return {
    getType: () => 'http',
    getClass: () => cls,
    getHandler: () => (cls.prototype as Record<string, unknown>)[handler],
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}

async function outcome(
  token: string | undefined,
  cls: Function,
  handler: string,
  authorization?: string,
): Promise<number | 'allowed'> {
  const discovery = {
    getProviders: () => [{ metatype: KbToken, instance: new KbToken(token) }],
  } as unknown as DiscoveryService;
  try {
    return (await new AccessGuard(new Reflector(), discovery).canActivate(context(cls, handler, authorization)))
      ? 'allowed'
      : 403;
  } catch (error) {
    return (error as HttpException).getStatus();
  }
}

describe('AccessGuard: deny by default', () => {
  it.each([
    ['route without realm or marker, no credentials', TOKEN, Unmarked, 'list', undefined, 403],
    ['route without realm or marker is closed even to a valid token', TOKEN, Unmarked, 'list', `Bearer ${TOKEN}`, 403],
    ['@Public() handler in a guarded controller', TOKEN, Guarded, 'open', undefined, 'allowed'],
    ['realm route, right token', TOKEN, Guarded, 'list', `Bearer ${TOKEN}`, 'allowed'],
    ['realm route, no credentials', TOKEN, Guarded, 'list', undefined, 401],
    ['realm route, garbage token', TOKEN, Guarded, 'list', 'Bearer garbage', 401],
    ['realm route while the token is unset: closed, not open', undefined, Guarded, 'list', undefined, 403],
    ['realm route while the token is unset, any bearer', undefined, Guarded, 'list', 'Bearer anything', 403],
  ])('%s', async (_name, token, cls, handler, authorization, expected) => {
    expect(await outcome(token, cls, handler, authorization)).toBe(expected);
  });
});
