import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { CannedModule } from './canned/canned.module';
import { ChannelsModule } from './channels/channels.module';
import { CustomersModule } from './customers/customers.module';
import { DocsController } from './docs.controller';
import { IncomingDraftsModule } from './drafts/incoming-drafts.module';
import { InboxModule } from './inbox/inbox.module';
import { KbModule } from './kb/kb.module';
import { LiveModule } from './live/live.module';
import { MentionsModule } from './mentions/mentions.module';
import { PolicyModule } from './policy/policy.module';
import { QueueModule } from './queue/queue.module';
import { ReportsModule } from './reports/reports.module';
import { ReviewOptionsModule } from './review-options.module';
import { ReviewOptions } from './review.options';
import { SettingsModule } from './settings/settings.module';
import { SlaModule } from './sla/sla.module';
import { UiModule } from './ui/ui.module';
import { UsersModule } from './users/users.module';

/** The review service's feature modules; the distributed service and the embedded mode both compose this. */
@Module({})
export class ReviewModule {
  static register(options: ReviewOptions): DynamicModule {
    return {
      module: ReviewModule,
      imports: [
        ReviewOptionsModule.register(options),
        AuthModule,
        UsersModule,
        LiveModule,
        IncomingDraftsModule,
        QueueModule,
        InboxModule,
        SlaModule,
        ReportsModule,
        UiModule,
        CannedModule,
        SettingsModule,
        ChannelsModule,
        PolicyModule,
        CustomersModule,
        MentionsModule,
        KbModule,
      ],
      controllers: [DocsController],
    };
  }
}
