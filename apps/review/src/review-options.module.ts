import { DynamicModule, Module } from '@nestjs/common';
import { REVIEW_OPTIONS, ReviewOptions } from './review.options';

/** The review service's options, for every one of its feature modules. */
@Module({})
export class ReviewOptionsModule {
  static register(options: ReviewOptions): DynamicModule {
    return {
      module: ReviewOptionsModule,
      global: true,
      providers: [{ provide: REVIEW_OPTIONS, useValue: options }],
      exports: [REVIEW_OPTIONS],
    };
  }
}
