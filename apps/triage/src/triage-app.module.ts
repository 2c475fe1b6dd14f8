import { ServiceAppModule, ServiceConfig } from '@draftdesk/platform';
import { TriageOptions } from './triage/triage.options';
import { TriageModule } from './triage/triage.module';

/** The triage service: its feature module on the shared infrastructure. */
export const TriageAppModule = {
  forRoot: (config: ServiceConfig, options: TriageOptions) =>
    ServiceAppModule.of('triage', config, TriageModule.register(options)),
};
