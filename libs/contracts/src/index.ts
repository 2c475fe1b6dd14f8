export * from './topics';
export * from './common.schema';
export * from './events';
export * from './envelope';
export * from './reply-outcome';
export * from './draft-reasons';
export * from './intents';
