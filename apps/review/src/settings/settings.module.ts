import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ReviewDataModule } from '../review-data.module';
import { ShopSettingsController } from './shop-settings.controller';

/** The shop's settings the desk owns: business hours, SLA targets and the send delay. */
@Module({
  imports: [AuthModule, ReviewDataModule],
  controllers: [ShopSettingsController],
})
export class SettingsModule {}
