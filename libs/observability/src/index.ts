export * from './logger';
export * from './metrics';
export * from './health.controller';
export * from './observability.module';
export * from './tracing';
export * from './log-file';
