import { DatabaseModule } from '@draftdesk/database';
import { MessagingModule } from '@draftdesk/messaging';
import { ObservabilityModule } from '@draftdesk/observability';
import { DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from './access/access.module';
import { ServiceConfig } from './service-config';

/** What every distributed service stands on: deny-by-default access, health and metrics, Postgres, Kafka with outbox and inbox. */
@Module({})
export class InfrastructureModule {
  static forService(service: string, config: ServiceConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      imports: [
        AccessModule,
        ObservabilityModule,
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
