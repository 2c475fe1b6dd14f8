import { AuthRealm, Realms } from '@draftdesk/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { AuthController } from '../auth/auth.controller';
import { AuthGuard } from '../auth/auth.guard';
import { AccountRepository } from '../auth/account.repository';
import { AuthService } from '../auth/auth.service';
import { OidcService } from '../auth/oidc.service';
import { ReviewAuthenticator } from '../auth/review.authenticator';
import { SignInLimitsService } from '../auth/sign-in-limits.service';
import { UsersController } from '../auth/users.controller';
import { DocsController } from '../docs.controller';
import { LiveEventsService } from '../live/live-events.service';
import { ActionsService } from '../queue/actions.service';
import { AuditController } from '../queue/audit.controller';
import { QueueController } from '../queue/queue.controller';
import { QueueService } from '../queue/queue.service';
import { REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { SlaSweeper } from '../sla/sla.sweeper';
import { UiController } from '../ui/ui.controller';
import { ReviewConsumer } from './review.consumer';
import { ReviewService } from './review.service';
import { SupersedeService } from './supersede.service';

// Sign-in and user management belong to the review realm too; their routes that need no one say @Public().
AuthRealm(Realms.review)(AuthController);
AuthRealm(Realms.review)(UsersController);

@Module({})
export class ReviewModule {
  static register(options: ReviewOptions): DynamicModule {
    return {
      module: ReviewModule,
      controllers: [AuthController, UsersController, QueueController, AuditController, DocsController, UiController],
      providers: [
        { provide: REVIEW_OPTIONS, useValue: options },
        AccountRepository,
        AuthService,
        OidcService,
        ReviewAuthenticator,
        AuthGuard,
        SignInLimitsService,
        LiveEventsService,
        ReviewService,
        SupersedeService,
        ReviewConsumer,
        QueueService,
        ActionsService,
        SlaSweeper,
      ],
    };
  }
}
