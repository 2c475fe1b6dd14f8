import { HealthController } from '@draftdesk/observability';
import { Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { Public } from './access.decorators';
import { AccessGuard } from './access.guard';
import { StorableInputPipe } from './storable-input.pipe';

// Probes and scrapers carry no credentials; the health controller lives in a library below this one.
Public()(HealthController);

/** Imported once by every app's root module: the deny-by-default guard and the storable-input check. */
@Module({
  imports: [DiscoveryModule],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_PIPE, useClass: StorableInputPipe },
  ],
})
export class AccessModule {}
