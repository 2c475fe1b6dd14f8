import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ReviewDataModule } from '../review-data.module';
import { ShopSettingsController } from './shop-settings.controller';
import { ShopSettingsService } from './shop-settings.service';

/** The shop's settings the desk owns: business hours, SLA targets and the send delay. */
@Module({
  imports: [AuthModule, ReviewDataModule],
  controllers: [ShopSettingsController],
  providers: [ShopSettingsService],
})
export class SettingsModule {}
