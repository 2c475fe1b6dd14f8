import { Module } from '@nestjs/common';
import { TriageConsumer } from './triage.consumer';
import { TriageService } from './triage.service';

@Module({ providers: [TriageService, TriageConsumer] })
export class TriageModule {}
