// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { runService } from '@draftdesk/platform';
import { TriageAppModule } from './triage-app.module';
import { triageConfigSchema, triageOptionsFromConfig } from '.';

runService('triage', triageConfigSchema, (config) => TriageAppModule.forRoot(config, triageOptionsFromConfig(config)));
