import { Global, Module } from '@nestjs/common';
import { HealthController, ReadinessRegistry } from './health.controller';

@Global()
@Module({
  controllers: [HealthController],
  providers: [ReadinessRegistry],
  exports: [ReadinessRegistry],
})
export class ObservabilityModule {}
