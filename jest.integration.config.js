// Integration and end-to-end tests against the real engines (PostgreSQL, Kafka, Dovecot), started by
// scripts/engines/up.sh. Services run as child processes from dist/, so `npm run build` comes first.
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: [
    '<rootDir>/test/**/*.int-spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
    '<rootDir>/test/deploy/**/*.spec.ts',
  ],
  testTimeout: 120_000,
  maxWorkers: 1,
};
