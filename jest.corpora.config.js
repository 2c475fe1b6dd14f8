// Evaluation tests over ../shared/data (see scripts/test-corpora.sh); kept out of the self-contained suite.
const base = require('./jest.config');

module.exports = { ...base, testMatch: ['<rootDir>/test/corpora/**/*.corpus-spec.ts'], testTimeout: 600_000 };
