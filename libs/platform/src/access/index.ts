export * from './access.decorators';
export * from './authenticator';
export * from './access.guard';
export * from './access.module';
export * from './storable-input.pipe';
export * from './unstorable.util';
