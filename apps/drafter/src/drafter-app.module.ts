import { ServiceAppModule, ServiceConfig } from '@draftdesk/platform';
import { DrafterOptions } from './drafts/drafter.options';
import { DraftsModule } from './drafts/drafts.module';

/** The drafter service: its feature module on the shared infrastructure. */
export const DrafterAppModule = {
  forRoot: (config: ServiceConfig, options: DrafterOptions) =>
    ServiceAppModule.of('drafter', config, DraftsModule.register(options)),
};
