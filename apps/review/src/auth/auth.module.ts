import { Module } from '@nestjs/common';
import { AccountRepository } from './account.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { OidcService } from './oidc.service';
import { ReviewAuthenticator } from './review.authenticator';
import { SignInLimitsService } from './sign-in-limits.service';

/**
 * Sign-in (password and OpenID Connect), sessions and API tokens. Exports what the other modules' routes need: the
 * authenticator and AuthGuard behind @UseGuards(AuthGuard), and the per-address limit behind @PerAddressLimit().
 */
@Module({
  controllers: [AuthController],
  providers: [AccountRepository, AuthService, OidcService, ReviewAuthenticator, AuthGuard, SignInLimitsService],
  exports: [AuthService, ReviewAuthenticator, AuthGuard, SignInLimitsService],
})
export class AuthModule {}
