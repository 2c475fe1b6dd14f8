import { DatabaseModule } from '@draftdesk/database';
import { MessagingModule } from '@draftdesk/messaging';
import { ObservabilityModule } from '@draftdesk/observability';
import { DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from './access/access.module';
import { ApiDocsModule, ApiDocsOptions } from './api-docs';
import { ServiceConfig } from './service-config';

export interface InfrastructureExtras {
  /** The API documentation at /docs; false when a feature module serves it itself. */
  apiDocs?: ApiDocsOptions | false;
}

/**
 * What every distributed service stands on: deny-by-default access, health and metrics, API documentation at /docs,
 * Postgres, Kafka with outbox and inbox.
 */
@Module({})
export class InfrastructureModule {
  static forService(service: string, config: ServiceConfig, extras: InfrastructureExtras = {}): DynamicModule {
    const apiDocs = extras.apiDocs ?? { title: `draftdesk ${service} API` };
    return {
      module: InfrastructureModule,
      imports: [
        AccessModule,
        ObservabilityModule,
        ...(apiDocs ? [ApiDocsModule.forApp(apiDocs)] : []),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          applicationName: service,
        }),
        MessagingModule.forRoot({
          transport: 'kafka',
          kafka: {
            brokers: config.KAFKA_BROKERS,
            clientId: `${config.KAFKA_CLIENT_ID}-${service}`,
            topicPrefix: config.KAFKA_TOPIC_PREFIX,
            lagSampleSeconds: config.KAFKA_LAG_SAMPLE_SECONDS,
          },
          relayProducers: [service],
          groupPrefix: `${config.KAFKA_TOPIC_PREFIX}draftdesk.`,
        }),
      ],
    };
  }
}

/** The root module of every service: its feature module on top of the infrastructure it runs on. */
@Module({})
export class ServiceAppModule {
  static of(
    service: string,
    config: ServiceConfig,
    feature: DynamicModule,
    extras?: InfrastructureExtras,
  ): DynamicModule {
    return { module: ServiceAppModule, imports: [InfrastructureModule.forService(service, config, extras), feature] };
  }
}
