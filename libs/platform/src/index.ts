export * from './service-config';
export * from './infrastructure.module';
export * from './bootstrap';
export * from './http-error.filter';
export * from './zod-body.pipe';
export * from './bearer-token.util';
export * from './validation.exception';
export * from './access';
