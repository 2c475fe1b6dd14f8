import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ReviewDataModule } from '../review-data.module';
import { PolicyPreviewReadModel } from './policy-preview.read-model';
import { ShopPoliciesRepository } from './shop-policies.repository';
import { ShopPolicyController } from './shop-policy.controller';
import { ShopPolicyService } from './shop-policy.service';

/** The shop's policy on the settings page: read, previewed on recent drafts, saved in versions. */
@Module({
  imports: [AuthModule, ReviewDataModule],
  controllers: [ShopPolicyController],
  providers: [ShopPoliciesRepository, PolicyPreviewReadModel, ShopPolicyService],
  exports: [ShopPolicyService],
})
export class PolicyModule {}
