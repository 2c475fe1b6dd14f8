// Unit specs live beside the code (and test/docs keeps docs/ true); integration and end-to-end tests live in test/
// (see jest.integration.config.js).
const swc = JSON.parse(require('fs').readFileSync(__dirname + '/.swcrc', 'utf8'));
delete swc.$schema;
const moduleNameMapper = {
  '^@draftdesk/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@draftdesk/([a-z-]+)/(.+)$': '<rootDir>/libs/$1/src/$2',
};
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: [
    '<rootDir>/apps/**/*.spec.ts',
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/scripts/**/*.spec.ts',
    '<rootDir>/bench/**/*.spec.ts',
    '<rootDir>/test/docs/**/*.spec.ts',
    '<rootDir>/bin/**/*.spec.ts',
  ],
};
