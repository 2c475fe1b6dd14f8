export * from './data-source';
export * from './database.module';
export * from './query-result.util';
export * from './ambient-transaction';
export { persistently } from './persist.util';
export * from './pg-client.util';
