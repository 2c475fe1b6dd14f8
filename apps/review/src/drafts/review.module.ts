import { AuthRealm, Realms } from '@draftdesk/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { CustomerThreadReadModel } from '../../../conversations/src';
import { AuthController } from '../auth/auth.controller';
import { AuthGuard } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { CUSTOMER_THREAD } from '../customer-thread.token';
import { OidcService } from '../auth/oidc.service';
import { ReviewAuthenticator } from '../auth/review.authenticator';
import { SignInLimitsService } from '../auth/sign-in-limits.service';
import { UsersController } from '../auth/users.controller';
import { DocsController } from '../docs.controller';
import { LiveChannelRepository } from '../live/live-channel.repository';
import { LiveEventsService } from '../live/live-events.service';
import { ActionsService } from '../queue/actions.service';
import { AuditController } from '../queue/audit.controller';
import { QueueController } from '../queue/queue.controller';
import { QueueService } from '../queue/queue.service';
import { ReviewRecordsRepository } from '../queue/review-records.repository';
import { REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { ShopsRepository } from '../sla/shops.repository';
import { SlaSweeper } from '../sla/sla.sweeper';
import { UiController } from '../ui/ui.controller';
import { AuditLogRepository } from './audit-log.repository';
import { ReviewItemsRepository } from './review-items.repository';
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
        ReviewItemsRepository,
        AuditLogRepository,
        ReviewRecordsRepository,
        ShopsRepository,
        LiveChannelRepository,
        { provide: CUSTOMER_THREAD, useClass: CustomerThreadReadModel },
      ],
    };
  }
}
