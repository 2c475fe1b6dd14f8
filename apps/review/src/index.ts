// The review service's public face: what the embedded suite composes. Other apps import only from here.
export { ReviewModule } from './review.module';
export { reviewConfigSchema, reviewConfigShape, reviewOptionsFromConfig } from './review.options';
export type { ReviewOptions } from './review.options';
