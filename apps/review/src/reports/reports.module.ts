import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ShopPoliciesRepository } from '../policy/shop-policies.repository';
import { ReportsController } from './reports.controller';
import { ReportsReadModel } from './reports.read-model';
import { ReportsService } from './reports.service';

/** Reports for leads and admins over the desk's items, its audit log and the conversations' messages. */
@Module({
  imports: [AuthModule],
  controllers: [ReportsController],
  providers: [ReportsReadModel, ReportsService, ShopPoliciesRepository],
})
export class ReportsModule {}
