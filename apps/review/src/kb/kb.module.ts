import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ReviewDataModule } from '../review-data.module';
import { KbArticlesController } from './kb-articles.controller';
import { KbArticlesRepository } from './kb-articles.repository';
import { KbArticlesService } from './kb-articles.service';

/** The drafter's knowledge base in the desk: cited articles opened from a draft, and edited in the settings. */
@Module({
  imports: [AuthModule, ReviewDataModule],
  controllers: [KbArticlesController],
  providers: [KbArticlesRepository, KbArticlesService],
})
export class KbModule {}
