import { AuthRealm, Realms, ZodBodyPipe } from '@draftdesk/platform';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  NotFoundException,
  Post,
  Query,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiZodBody } from '../api-body.util';
import { REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { PasswordWorkBusyError } from './argon2-pool.util';
import { AuthErrorCode, retryLater } from './auth.exception';
import { AuthGuard, CurrentPrincipal, Public, SESSION_COOKIE } from './auth.guard';
import { AuthService } from './auth.service';
import { SignInDto, signInSchema } from './dto/auth.dto';
import { OidcPending, OidcService } from './oidc.service';
import type { Principal } from './principal';
import { PerAddressLimit } from './public-rate-limit.guard';
import { SignInLimitsService } from './sign-in-limits.service';
import { isLoopbackHost, parseCookies, serializeCookie } from './token.util';

const OIDC_COOKIE = 'dd_oidc';

@ApiTags('auth')
// Sign-in belongs to the review realm too; its routes that need no one say @Public().
@Controller('v1/auth')
@AuthRealm(Realms.review)
@UseGuards(AuthGuard)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly oidc: OidcService,
    private readonly limits: SignInLimitsService,
    @Inject(REVIEW_OPTIONS) private readonly options: ReviewOptions,
  ) {}

  @Post('login')
  @Public()
  @PerAddressLimit()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with a local account; sets the session cookie and returns the CSRF token' })
  @ApiZodBody(signInSchema)
  @ApiResponse({
    status: 429,
    description: 'Too many attempts from this address or on this account from it; see Retry-After',
  })
  @ApiResponse({ status: 503, description: 'Too many sign-ins at once; see Retry-After' })
  async login(
    @Body(new ZodBodyPipe(signInSchema)) dto: SignInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const busy = () =>
      retryLater(
        res,
        1,
        AuthErrorCode.SignInBusy,
        'too many sign-ins at once; try again in a moment',
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    // Answered before any query, so that a flood costs the database nothing once the password checks are saturated.
    if (this.auth.passwordChecksSaturated) throw busy();
    const address = this.limits.addressOf(req);
    await this.limits.assertMayTry(dto.email, address, res);
    const userId = await this.auth.verifyPassword(dto.email, dto.password).catch(async (error: unknown) => {
      if (!(error instanceof PasswordWorkBusyError)) throw error;
      await this.limits.refund(dto.email, address);
      throw busy();
    });
    if (!userId) {
      await this.limits.recordFailure(dto.email, address);
      throw new UnauthorizedException({ code: 'BAD_CREDENTIALS', message: 'wrong email or password', errors: [] });
    }
    await this.limits.recordSuccess(dto.email, address);
    return this.signIn(userId, req, res);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiCookieAuth()
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const sessionId = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    if (sessionId) await this.auth.endSession(sessionId);
    res.setHeader('Set-Cookie', serializeCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: this.secure(req) }));
  }

  @Get('me')
  @ApiCookieAuth()
  @ApiOperation({ summary: 'The signed-in user, their shops and roles, and the CSRF token for writes' })
  me(@CurrentPrincipal() p: Principal) {
    return {
      userId: p.userId,
      email: p.email,
      name: p.name,
      locale: p.locale,
      memberships: p.memberships,
      csrfToken: p.csrfToken ?? null,
    };
  }

  @Get('providers')
  @Public()
  @PerAddressLimit()
  providers() {
    return { local: true, oidc: this.oidc.enabled };
  }

  @Get('oidc/login')
  @Public()
  @PerAddressLimit()
  @ApiOperation({ summary: 'Starts an OpenID Connect sign-in (redirect to the issuer)' })
  async oidcLogin(@Req() req: Request, @Res() res: Response) {
    const { url, pending } = await this.oidc.start();
    const value = Buffer.from(JSON.stringify(pending)).toString('base64url');
    res.setHeader(
      'Set-Cookie',
      serializeCookie(OIDC_COOKIE, value, { maxAgeSeconds: 600, secure: this.secure(req), path: '/v1/auth/oidc' }),
    );
    res.redirect(302, url);
  }

  @Get('oidc/callback')
  @Public()
  @PerAddressLimit()
  async oidcCallback(@Query() _query: Record<string, string>, @Req() req: Request, @Res() res: Response) {
    if (!this.oidc.enabled)
      throw new NotFoundException({ code: 'OIDC_DISABLED', message: 'OpenID Connect is not configured', errors: [] });
    const raw = parseCookies(req.headers.cookie)[OIDC_COOKIE];
    const pending = raw ? parsePending(raw) : null;
    if (!pending)
      throw new UnauthorizedException({ code: 'OIDC_STATE', message: 'sign-in expired; start again', errors: [] });
    const callback = new URL(req.originalUrl, this.options.oidc!.redirectUri);
    // A failed exchange (bad state, PKCE, signature, issuer) is the browser's sign-in failing, not a server error.
    const identity = await this.oidc.finish(callback, pending).catch((error: Error) => {
      throw new UnauthorizedException({
        code: 'OIDC_FAILED',
        message: `sign-in with the identity provider failed: ${error.message}`,
        errors: [],
      });
    });
    const userId = await this.auth.userForOidc(
      this.oidc.issuer,
      identity.subject,
      identity.email,
      identity.emailVerified,
    );
    if (!userId)
      throw new UnauthorizedException({
        code: 'OIDC_NO_ACCOUNT',
        message: 'no draftdesk account for this identity',
        errors: [],
      });
    await this.signIn(userId, req, res);
    res.append(
      'Set-Cookie',
      serializeCookie(OIDC_COOKIE, '', { maxAgeSeconds: 0, secure: this.secure(req), path: '/v1/auth/oidc' }),
    );
    res.redirect(302, '/');
  }

  private async signIn(userId: string, req: Request, res: Response) {
    const session = await this.auth.createSession(userId);
    res.setHeader(
      'Set-Cookie',
      serializeCookie(SESSION_COOKIE, session.sessionId, {
        maxAgeSeconds: session.maxAgeSeconds,
        secure: this.secure(req),
      }),
    );
    const principal = await this.auth.principalForSession(session.sessionId);
    return {
      userId,
      email: principal!.email,
      name: principal!.name,
      locale: principal!.locale,
      memberships: principal!.memberships,
      csrfToken: session.csrfToken,
    };
  }

  private secure(req: Request): boolean {
    const setting = this.options.cookieSecure ?? 'auto';
    return setting === 'auto' ? !isLoopbackHost(req.hostname) : setting;
  }
}

/** The state cookie comes back from the browser: anything but what oidcLogin wrote counts as no sign-in under way. */
function parsePending(raw: string): OidcPending | null {
  try {
    const p = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<OidcPending>;
    return typeof p?.state === 'string' && typeof p.nonce === 'string' && typeof p.verifier === 'string'
      ? (p as OidcPending)
      : null;
  } catch {
    return null;
  }
}
