export * from './config.loader';
export * from './secret-box.util';
