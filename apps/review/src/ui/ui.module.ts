import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UiController } from './ui.controller';

/** The agent UI's files; AuthModule for their per-address limit. */
@Module({
  imports: [AuthModule],
  controllers: [UiController],
})
export class UiModule {}
